using System.Globalization;

namespace SocialCard.Core.Rosters;

/// <summary>A1-style cell references: column letters ↔ zero-based column index, and "F5" ↔ (row 5, column 5).</summary>
internal static class XlsxCellRef
{
    /// <summary>Excel's last column (XFD), zero-based.</summary>
    public const int MaxColumn = 16_383;

    public static string ColumnName(int columnIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnIndex);
        var name = "";
        for (var n = columnIndex + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static string Ref(int row, int columnIndex) => ColumnName(columnIndex) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits "F5" into row 5 and column index 5; "$F$5" is accepted. False for anything else.</summary>
    public static bool TryParse(string? reference, out int row, out int columnIndex)
    {
        row = 0;
        columnIndex = -1;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var column = 0;
        for (; i < reference.Length && (char.IsAsciiLetter(reference[i]) || reference[i] == '$'); i++)
        {
            if (reference[i] != '$')
            {
                column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            }
        }

        if (column == 0 || i == reference.Length)
        {
            return false;
        }

        var ok = int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
        columnIndex = column - 1;
        return ok;
    }

    /// <summary>The zero-based column of a reference such as "F5", or -1.</summary>
    public static int ColumnOf(string? reference) => TryParse(reference, out _, out var column) ? column : -1;
}
