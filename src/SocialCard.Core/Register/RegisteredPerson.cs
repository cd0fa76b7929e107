namespace SocialCard.Core.Register;

/// <summary>
/// A person of a unit's insured-person register (参保人员), imported by the information centre from
/// the insurance system, so the unit can download a prefilled roster and its uploads can be checked
/// against 个人编号, 人员类别 and the original name and ID number.
/// </summary>
public sealed class RegisteredPerson
{
    private RegisteredPerson()
    {
    }

    public RegisteredPerson(int unitId, string personalNumber, string? category, string name, string idNumber, DateTimeOffset importedAt)
    {
        UnitId = unitId;
        PersonalNumber = personalNumber;
        Category = category;
        Name = name;
        IdNumber = idNumber;
        ImportedAt = importedAt;
    }

    public long Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>个人编号, unique within the register.</summary>
    public string PersonalNumber { get; private set; } = "";

    public string? Category { get; private set; }

    public string Name { get; private set; } = "";

    public string IdNumber { get; private set; } = "";

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>A later export of the insurance system replaces what it knew about the person.</summary>
    public void Update(int unitId, string? category, string name, string idNumber, DateTimeOffset importedAt)
    {
        UnitId = unitId;
        Category = category;
        Name = name;
        IdNumber = idNumber;
        ImportedAt = importedAt;
    }
}
