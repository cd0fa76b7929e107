using System.Globalization;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Exports;

/// <summary>Where an exported person's card photo comes from.</summary>
public enum ExportPhotoSource
{
    /// <summary>The person's own current portrait, written into the zip.</summary>
    File = 1,

    /// <summary>The identity registry holds the ID photo: no file in the zip, card production fetches it.</summary>
    Registry = 2,

    /// <summary>No photo needed (kindergarten children, docs/DOMAIN.md §3 Wuzhou).</summary>
    None = 3,
}

/// <summary>
/// One person of an export, as text in the roster template's columns (<see cref="RosterColumn"/>),
/// with the photo source. <see cref="PhotoKey"/> is opaque to the writer: the caller's photo opener resolves it.
/// </summary>
public sealed record ExportPerson(
    string? PersonalNumber,
    string? Category,
    string? OriginalName,
    string? OriginalIdNumber,
    string Name,
    string IdNumber,
    string? Sex,
    string? BirthDate,
    string? Ethnicity,
    string? Phone,
    string? Postcode,
    string? Address,
    string? ClassOrDepartment,
    ExportPhotoSource PhotoSource,
    string? PhotoKey = null)
{
    /// <summary>The person's stored values as the roster writes them (ethnicity as the drop-down shows it: "01 汉族").</summary>
    public static ExportPerson From(InsuredPerson person, ExportPhotoSource source, string? photoKey = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(
            person.PersonalNumber,
            person.Category,
            person.OriginalName,
            person.OriginalIdNumber,
            person.Name,
            person.IdNumber,
            person.Sex?.ToChinese(),
            person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Ethnicities.TryParse(person.EthnicityCode, out var e) ? $"{e.Code} {e.Name}" : person.EthnicityCode,
            person.Phone,
            person.Postcode,
            person.Address,
            person.ClassOrDepartment,
            source,
            photoKey);
    }

    /// <summary>The values indexed by <see cref="RosterColumn"/>, as the template's data rows hold them.</summary>
    internal string?[] RosterValues()
    {
        var values = new string?[RosterTemplate.Columns.Count];
        values[(int)RosterColumn.PersonalNumber] = PersonalNumber;
        values[(int)RosterColumn.Category] = Category;
        values[(int)RosterColumn.OriginalName] = OriginalName;
        values[(int)RosterColumn.OriginalIdNumber] = OriginalIdNumber;
        values[(int)RosterColumn.Name] = Name;
        values[(int)RosterColumn.IdNumber] = IdNumber;
        values[(int)RosterColumn.Sex] = Sex;
        values[(int)RosterColumn.BirthDate] = BirthDate;
        values[(int)RosterColumn.Ethnicity] = Ethnicity;
        values[(int)RosterColumn.Phone] = Phone;
        values[(int)RosterColumn.Postcode] = Postcode;
        values[(int)RosterColumn.Address] = Address;
        values[(int)RosterColumn.ClassOrDepartment] = ClassOrDepartment;
        return values;
    }
}
