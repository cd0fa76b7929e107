using System.Text;
using System.Xml;

namespace SocialCard.Core.Rosters;

/// <summary>Looks up a few shared strings by index while streaming the table (a 100,000-row roster's table is large).</summary>
internal static class XlsxSharedStrings
{
    public static Dictionary<int, string> Lookup(Stream sharedStrings, IReadOnlyCollection<int> indices)
    {
        var found = new Dictionary<int, string>();
        if (indices.Count == 0)
        {
            return found;
        }

        var last = indices.Max();
        using var reader = XmlReader.Create(sharedStrings, XlsxXml.ReaderSettings);
        var index = -1;
        while (reader.Read() && index < last)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                index++;
                if (indices.Contains(index))
                {
                    found[index] = XlsxXml.RichText(reader);
                }
            }
        }

        return found;
    }
}

/// <summary>Settings and small helpers for the streamed SpreadsheetML parts.</summary>
internal static class XlsxXml
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static XmlReaderSettings ReaderSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
        IgnoreComments = false,
    };

    public static XmlWriterSettings WriterSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = false,
    };

    /// <summary>
    /// The text of the rich-text element the reader is on (si, is, or a comment's text): every t except the
    /// phonetic runs (rPh), _xHHHH_ escapes decoded. Leaves the reader on the element's end tag.
    /// </summary>
    public static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }

        return XlsxText.Unescape(text.ToString());
    }
}
