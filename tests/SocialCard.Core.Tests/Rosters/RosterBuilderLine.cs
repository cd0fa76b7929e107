using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// One data row by template column, every person field valid by default. A value is a string, a number
/// (written as a numeric cell), a <see cref="DateTime"/> (a date-formatted cell), a bool, or null (no cell).
/// </summary>
internal sealed record RosterBuilderLine
{
    public object? PersonalNumber { get; init; }

    public object? Category { get; init; }

    public object? OriginalName { get; init; }

    public object? OriginalIdNumber { get; init; }

    public object? Name { get; init; } = "张三";

    public object? IdNumber { get; init; } = Ids.MaleConst;

    public object? Sex { get; init; } = "男";

    public object? BirthDate { get; init; } = "1990-01-01";

    public object? Ethnicity { get; init; } = "汉族";

    public object? Phone { get; init; } = "13912345678";

    public object? Postcode { get; init; } = "261041";

    public object? Address { get; init; } = "山东省潍坊市奎文区胜利东街1号";

    public object? ClassOrDepartment { get; init; }

    public object? this[RosterColumn column] => column switch
    {
        RosterColumn.PersonalNumber => PersonalNumber,
        RosterColumn.Category => Category,
        RosterColumn.OriginalName => OriginalName,
        RosterColumn.OriginalIdNumber => OriginalIdNumber,
        RosterColumn.Name => Name,
        RosterColumn.IdNumber => IdNumber,
        RosterColumn.Sex => Sex,
        RosterColumn.BirthDate => BirthDate,
        RosterColumn.Ethnicity => Ethnicity,
        RosterColumn.Phone => Phone,
        RosterColumn.Postcode => Postcode,
        RosterColumn.Address => Address,
        RosterColumn.ClassOrDepartment => ClassOrDepartment,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>
    /// A valid person born 1990-01-01 in 430111 with this 3-digit sequence number: odd is a man, even a woman.
    /// Different sequences give different valid ID numbers.
    /// </summary>
    public static RosterBuilderLine Person(string name, int sequence) => new()
    {
        Name = name,
        IdNumber = IdFor(sequence),
        Sex = sequence % 2 == 1 ? "男" : "女",
    };

    public static string IdFor(int sequence) =>
        Ids.Make("430111", "19900101", sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>As a row the validator takes directly: strings as typed, numbers as <see cref="RosterCell"/> values given here.</summary>
    public RosterRow ToRow(int rowNumber) => new(
        rowNumber,
        Enum.GetValues<RosterColumn>().Select(c => this[c] switch
        {
            null => default,
            RosterCell cell => cell,
            string s => new RosterCell(s),
            var other => throw new ArgumentException($"Give {c} as a string or a RosterCell, not {other.GetType().Name}"),
        }).ToArray());
}
