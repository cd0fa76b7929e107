using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The hidden key a workbook the portal hands out carries on each row (column <see cref="Header"/>): which person of
/// which batch the row came from, a stamp of that person's values when the workbook was made (the version it was made
/// from), and a stamp of the row's own cells as written. On re-upload the row updates exactly that person; comparing
/// the stamps tells a row the clerk edited from one left alone, and a person changed in the portal since the download
/// from one that was not (docs/ROSTERS.md, "Re-uploading a workbook the portal made").
/// </summary>
/// <param name="PersonStamp">The person's values when the workbook was made, or <see cref="Stale"/> when the row
/// already differed from the person then (a clerk's own workbook after a fix in the browser).</param>
public sealed record RosterRowKey(int BatchId, int PersonId, string PersonStamp, string RowStamp)
{
    public const string Header = "系统行标识";

    /// <summary>A person stamp that matches no person: any edit of such a row is a conflict the clerk resolves.</summary>
    public const string Stale = "000000000000";

    private const string Prefix = "SC1";

    /// <summary>The columns a clerk may change; their cells make up the row stamp.</summary>
    public static IReadOnlyList<RosterColumn> EditableColumns { get; } =
        [.. RosterTemplate.Columns.Where(c => !c.ReadOnly).Select(c => c.Column)];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{BatchId}-{PersonId}-{PersonStamp}-{RowStamp}");

    /// <summary>The key in a cell, or null for anything else (blank, typed over, another format).</summary>
    public static RosterRowKey? Parse(string? text)
    {
        var parts = text?.Trim().Split('-');
        if (parts is not [Prefix, var batch, var person, var personStamp, var rowStamp]
            || !int.TryParse(batch, NumberStyles.None, CultureInfo.InvariantCulture, out var batchId)
            || !int.TryParse(person, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            || !IsStamp(personStamp) || !IsStamp(rowStamp))
        {
            return null;
        }

        return new RosterRowKey(batchId, personId, personStamp, rowStamp);
    }

    /// <summary>The stamp of a row's editable cells as the reader gives them back (trimmed; blank = empty).</summary>
    public static string RowStampOf(RosterRow row) => Stamp(EditableColumns.Select(c => row[c].Text));

    /// <summary>The stamp of a row about to be written, values indexed by <see cref="RosterColumn"/>.</summary>
    public static string RowStampOf(IReadOnlyList<string?> values) =>
        Stamp(EditableColumns.Select(c => (int)c < values.Count ? values[(int)c] : null));

    /// <summary>12 hex digits of SHA-256 over the trimmed values: enough to tell an edit, short enough for a cell.</summary>
    public static string Stamp(IEnumerable<string?> values)
    {
        var text = string.Join('\u001f', values.Select(v => v?.Trim() ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 6).ToLowerInvariant();
    }

    private static bool IsStamp(string s) => s.Length == Stale.Length && s.All(char.IsAsciiHexDigitLower);
}
