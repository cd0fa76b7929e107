using System.Globalization;
using SocialCard.Core.Common;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>
/// One insured person's collection record (DOMAIN.md §4) inside a unit's batch. Values are stored
/// as normalised by <see cref="PersonValidator"/>; the error and warning counts are those of the
/// last validation, so a batch can be checked for declaration without re-validating every person.
/// </summary>
public sealed class InsuredPerson : IVersioned
{
    public const int NameMaxLength = 50;
    public const int IdNumberMaxLength = 18;
    public const int TextMaxLength = 100;

    private InsuredPerson()
    {
    }

    public InsuredPerson(int unitId, DateTimeOffset at)
    {
        UnitId = unitId;
        CreatedAt = at;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int BatchId { get; private set; }

    /// <summary>个人编号, assigned by the insurance system; read-only for the unit.</summary>
    public string? PersonalNumber { get; set; }

    /// <summary>人员类别 (在职, 退休, 学生 …); read-only for the unit.</summary>
    public string? Category { get; set; }

    public string Name { get; private set; } = "";

    public string IdNumber { get; private set; } = "";

    public Sex? Sex { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>GB 3304 two-digit code.</summary>
    public string? EthnicityCode { get; private set; }

    public string? Phone { get; private set; }

    public string? Postcode { get; private set; }

    public string? Address { get; private set; }

    /// <summary>班级 / 部门.</summary>
    public string? ClassOrDepartment { get; set; }

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; set; }

    public string MaskedIdNumber => CitizenId.Mask(IdNumber);

    public PersonInput ToInput() => new(
        Name,
        IdNumber,
        Sex switch { Persons.Sex.Male => "男", Persons.Sex.Female => "女", _ => null },
        BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EthnicityCode,
        Phone,
        Postcode,
        Address);

    /// <summary>Takes the normalised values and the finding counts of a validation.</summary>
    public void Apply(PersonValidationResult validation, DateTimeOffset at)
    {
        var n = validation.Normalized;
        Name = n.Name ?? "";
        IdNumber = n.IdNumber ?? "";
        Sex = n.Sex switch { "男" => Persons.Sex.Male, "女" => Persons.Sex.Female, _ => null };
        BirthDate = DateOnly.TryParseExact(n.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        EthnicityCode = NullIfEmpty(n.Ethnicity);
        Phone = NullIfEmpty(n.Phone);
        Postcode = NullIfEmpty(n.Postcode);
        Address = NullIfEmpty(n.Address);
        ErrorCount = validation.Findings.Count(f => f.Severity == Severity.Error);
        WarningCount = validation.Findings.Count(f => f.Severity == Severity.Warning);
        UpdatedAt = at;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
