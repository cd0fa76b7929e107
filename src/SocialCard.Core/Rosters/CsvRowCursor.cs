namespace SocialCard.Core.Rosters;

/// <summary>The records of a CSV text as rows; every cell is text (a CSV file has no numeric cells).</summary>
internal sealed class CsvRowCursor(TextReader text) : IRowCursor
{
    private readonly CsvRecordParser _parser = new(text);
    private List<string> _fields = [];

    public int FieldCount => _fields.Count;

    public bool Read()
    {
        if (_parser.Next() is not { } fields)
        {
            return false;
        }

        _fields = fields;
        return true;
    }

    public RosterCell Cell(int column) => column < _fields.Count ? CellText.FromString(_fields[column]) : default;
}
