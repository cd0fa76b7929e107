using System.Text;

namespace SocialCard.Core.Rosters;

/// <summary>
/// A small streaming RFC 4180 parser: comma-separated fields, optionally in double quotes, "" for a quote
/// inside quotes, line breaks (CRLF, LF or CR) inside quotes kept. One record is one spreadsheet row, as
/// Excel shows the file. Lenient where Excel is: a quote inside an unquoted field is an ordinary character,
/// text after a closing quote is appended, and an unclosed quote runs to the end of the file.
/// </summary>
internal sealed class CsvRecordParser(TextReader text)
{
    private const char Separator = ',';
    private const char Quote = '"';
    private readonly StringBuilder _field = new();
    private bool _atEnd;

    /// <summary>The next record's fields, or null at the end of the text. An empty line is one empty field.</summary>
    public List<string>? Next()
    {
        if (_atEnd || text.Peek() < 0)
        {
            _atEnd = true;
            return null;
        }

        var fields = new List<string>();
        var inQuotes = false;
        var quotedField = false;
        _field.Clear();
        while (true)
        {
            var read = text.Read();
            if (read < 0)
            {
                _atEnd = true;
                fields.Add(_field.ToString());
                return fields;
            }

            var c = (char)read;
            if (inQuotes)
            {
                if (c != Quote)
                {
                    _field.Append(c);
                }
                else if (text.Peek() == Quote)
                {
                    text.Read();
                    _field.Append(Quote);
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case Quote when _field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case Separator:
                    fields.Add(_field.ToString());
                    _field.Clear();
                    quotedField = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && text.Peek() == '\n')
                    {
                        text.Read();
                    }

                    fields.Add(_field.ToString());
                    return fields;
                default:
                    _field.Append(c);
                    break;
            }
        }
    }
}
