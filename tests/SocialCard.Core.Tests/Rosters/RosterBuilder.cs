using System.Globalization;
using System.Text;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// Builds roster files in memory: a header row and data rows at chosen row numbers, written as .xlsx
/// (<see cref="ToXlsx"/>, Open XML SDK) or .csv (<see cref="ToCsv"/>). By default the header is the template's,
/// on row 1.
/// </summary>
internal sealed partial class RosterBuilder
{
    private readonly List<(int RowNumber, object?[] Cells)> _rows = [];
    private readonly RosterColumn?[] _columns;
    private int _nextRow;

    public RosterBuilder(IEnumerable<string>? headers = null, int headerRow = 1)
    {
        Headers = (headers ?? RosterTemplate.Columns.Select(c => c.Header)).ToList();
        _columns = Headers.Select(h => RosterTemplate.ByHeader(h)?.Column).ToArray();
        HeaderRow = headerRow;
        _nextRow = headerRow + 1;
    }

    public IReadOnlyList<string> Headers { get; }

    public int HeaderRow { get; }

    /// <summary>Name of the roster sheet (.xlsx).</summary>
    public string SheetName { get; init; } = RosterTemplate.DataSheetName;

    /// <summary>A visible sheet written before the roster sheet (.xlsx), e.g. instructions.</summary>
    public string? SheetBefore { get; init; }

    /// <summary>Writes a hidden 代码表 sheet with this text in A1 (.xlsx).</summary>
    public string? VersionInListsSheet { get; init; }

    /// <summary>Writes the custom document property SocialCardTemplate (.xlsx).</summary>
    public string? VersionProperty { get; init; }

    /// <summary>Rows after the data that carry a style but no value, as Excel leaves after formatting (.xlsx).</summary>
    public int TrailingStyledRows { get; init; }

    /// <summary>Inline strings instead of the shared-string table Excel writes (.xlsx).</summary>
    public bool InlineStrings { get; init; }

    /// <summary>The row number the next <see cref="Add(RosterBuilderLine)"/> writes to.</summary>
    public int NextRow => _nextRow;

    /// <summary>A data row, cells placed under the builder's headers (an unknown header gets no cell).</summary>
    public RosterBuilder Add(RosterBuilderLine line) =>
        AddRaw(Array.ConvertAll(_columns, c => c is { } column ? line[column] : null));

    /// <summary>A data row given cell by cell, in sheet column order.</summary>
    public RosterBuilder AddRaw(params object?[] cells)
    {
        _rows.Add((_nextRow++, cells));
        return this;
    }

    /// <summary>Leaves rows empty (no row element at all).</summary>
    public RosterBuilder Skip(int rows = 1)
    {
        _nextRow += rows;
        return this;
    }

    public byte[] ToCsv(Encoding encoding, bool byteOrderMark)
    {
        var text = new StringBuilder();
        var line = 1;
        foreach (var (rowNumber, cells) in AllRows())
        {
            for (; line < rowNumber; line++)
            {
                text.Append("\r\n");
            }

            text.AppendJoin(',', cells.Select(CsvField)).Append("\r\n");
            line++;
        }

        var preamble = byteOrderMark ? encoding.GetPreamble() : [];
        return [.. preamble, .. encoding.GetBytes(text.ToString())];
    }

    private IEnumerable<(int RowNumber, object?[] Cells)> AllRows() =>
        _rows.Prepend((HeaderRow, Headers.Cast<object?>().ToArray()));

    private static string CsvField(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
