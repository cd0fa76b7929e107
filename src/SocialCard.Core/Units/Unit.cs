using SocialCard.Core.Common;

namespace SocialCard.Core.Units;

/// <summary>An insured unit (参保单位): employer, school, kindergarten or other.</summary>
public sealed class Unit : IVersioned
{
    public const int NumberMaxLength = 20;

    private Unit()
    {
    }

    public Unit(string number, string name, UnitType type)
    {
        Number = number.Trim();
        Name = name.Trim();
        Type = type;
    }

    public int Id { get; private set; }

    /// <summary>单位编号, unique; clerks log in with it.</summary>
    public string Number { get; private set; } = "";

    public string Name { get; set; } = "";

    public UnitType Type { get; set; }

    public string? ContactPerson { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    /// <summary>The collection hall that receives this unit's batches.</summary>
    public int? HallId { get; set; }

    public Hall? Hall { get; private set; }

    public Guid Version { get; set; }
}
