using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>What the clerk types; checked by <see cref="PersonValidator"/>, not by attributes, so form and roster follow one rule set.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Sex { get; set; }

    public string? BirthDate { get; set; }

    public string? Ethnicity { get; set; }

    public string? Phone { get; set; }

    public string? Postcode { get; set; }

    public string? Address { get; set; }

    public string? ClassOrDepartment { get; set; }

    public Guid Version { get; set; }

    public PersonInput ToInput() => new(Name, IdNumber, Sex, BirthDate, Ethnicity, Phone, Postcode, Address);

    /// <summary>The values of a re-uploaded workbook row (a conflict), for the clerk to check and save; ethnicity as its code.</summary>
    public static PersonForm FromRow(RosterConflict conflict, Guid version)
    {
        string? Cell(RosterColumn c) => RosterConflicts.Cell(conflict, c);
        var ethnicity = Cell(RosterColumn.Ethnicity);
        return new PersonForm
        {
            Name = Cell(RosterColumn.Name),
            IdNumber = Cell(RosterColumn.IdNumber),
            Sex = Cell(RosterColumn.Sex),
            BirthDate = Cell(RosterColumn.BirthDate),
            Ethnicity = Ethnicities.TryParse(ethnicity, out var e) ? e.Code : ethnicity,
            Phone = Cell(RosterColumn.Phone),
            Postcode = Cell(RosterColumn.Postcode),
            Address = Cell(RosterColumn.Address),
            ClassOrDepartment = Cell(RosterColumn.ClassOrDepartment),
            Version = version,
        };
    }

    public static PersonForm From(InsuredPerson person)
    {
        var input = person.ToInput();
        return new PersonForm
        {
            Name = input.Name,
            IdNumber = input.IdNumber,
            Sex = input.Sex,
            BirthDate = input.BirthDate,
            Ethnicity = input.Ethnicity,
            Phone = input.Phone,
            Postcode = input.Postcode,
            Address = input.Address,
            ClassOrDepartment = person.ClassOrDepartment,
            Version = person.Version,
        };
    }
}
