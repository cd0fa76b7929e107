using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SocialCard.Core.Rosters;

/// <summary>The outcome of <see cref="XlsxPackageCheck.Inspect"/>: a refusal, or the template marker found in the package.</summary>
internal sealed record XlsxPackageInfo(RosterFinding? Refusal, string? TemplateProperty);

/// <summary>
/// Looks at an .xlsx as the zip it is before any spreadsheet parser touches it: refuses macro workbooks,
/// zip bombs, files that are not workbooks and XML with a document type definition (entity expansion),
/// and reads the template marker from the custom document properties.
/// </summary>
internal static class XlsxPackageCheck
{
    /// <summary>The custom document property the template writer sets to <see cref="RosterTemplate.Version"/>.</summary>
    public const string TemplatePropertyName = "SocialCardTemplate";

    private const int MaxEntries = 1000;
    private const long AbsoluteMaxUncompressed = 1L << 30;
    private const long UncompressedPerUploadedByte = 50;

    // Spreadsheet XML compresses well (10–50:1); Deflate cannot exceed ~1030:1. Small entries are
    // left alone: their ratio says little and the total cap bounds them.
    private const long RatioCheckedFrom = 1024 * 1024;
    private const long MaxRatio = 200;

    // The prolog check reads each XML part up to its root element only; big parts are fine.
    private const long MaxMetadataPartBytes = 4 * 1024 * 1024;

    private static readonly XmlReaderSettings SafeXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>
    /// Inspects the zip. The stream is left open; its position is undefined afterwards. .NET's zip reader never
    /// inflates an entry past its declared size, so checking the declared sizes bounds what a parser can inflate.
    /// </summary>
    public static XlsxPackageInfo Inspect(Stream content, RosterLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return Inspect(zip, limits);
        }
        catch (InvalidDataException)
        {
            // Not a readable zip (truncated, damaged central directory, unsupported compression).
            return new XlsxPackageInfo(RosterFileFindings.Corrupt(), null);
        }
        catch (XmlException)
        {
            return new XlsxPackageInfo(RosterFileFindings.Corrupt(), null);
        }
    }

    private static XlsxPackageInfo Inspect(ZipArchive zip, RosterLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > MaxEntries)
        {
            return Refuse(RosterFileFindings.Oversized());
        }

        var maxTotal = Math.Min(AbsoluteMaxUncompressed, Math.Max(limits.MaxBytes, 1) * UncompressedPerUploadedByte);
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse(RosterFileFindings.MacroWorkbook());
            }

            total += entry.Length;
            var ratioTooHigh = entry.Length >= RatioCheckedFrom && entry.Length > MaxRatio * Math.Max(entry.CompressedLength, 1);
            if (ratioTooHigh || total > maxTotal)
            {
                return Refuse(RosterFileFindings.Oversized());
            }
        }

        var contentTypes = zip.GetEntry("[Content_Types].xml");
        if (contentTypes is null || contentTypes.Length > MaxMetadataPartBytes)
        {
            return Refuse(RosterFileFindings.NotASpreadsheet(".xlsx"));
        }

        var kind = WorkbookKindOf(contentTypes);
        if (kind != WorkbookKind.Workbook)
        {
            return Refuse(kind == WorkbookKind.MacroEnabled ? RosterFileFindings.MacroWorkbook() : RosterFileFindings.NotASpreadsheet(".xlsx"));
        }

        foreach (var entry in entries)
        {
            if (IsXmlPart(entry.FullName) && CheckProlog(entry) is { } refusal)
            {
                return Refuse(refusal);
            }
        }

        return new XlsxPackageInfo(null, ReadTemplateProperty(zip.GetEntry("docProps/custom.xml")));
    }

    private enum WorkbookKind
    {
        NotAWorkbook,
        Workbook,
        MacroEnabled,
    }

    private static WorkbookKind WorkbookKindOf(ZipArchiveEntry contentTypes)
    {
        var kind = WorkbookKind.NotAWorkbook;
        using var reader = XmlReader.Create(contentTypes.Open(), SafeXml);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.GetAttribute("ContentType") is not { } type)
            {
                continue;
            }

            // A renamed .xlsm/.xlsb declares a macro-enabled (or binary) main part; never hand it to the parser.
            if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            {
                return WorkbookKind.MacroEnabled;
            }

            if (type is "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
                or "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")
            {
                kind = WorkbookKind.Workbook;
            }
        }

        return kind;
    }

    private static bool IsXmlPart(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the part up to its root element with DTDs prohibited: a DOCTYPE (the way to an entity-expansion
    /// bomb) throws here, whichever part it hides in and whatever the spreadsheet parser's own settings are.
    /// </summary>
    private static RosterFinding? CheckProlog(ZipArchiveEntry entry)
    {
        if (entry.Length == 0)
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(entry.Open(), SafeXml);
            reader.MoveToContent();
            return null;
        }
        catch (XmlException)
        {
            // Tell the clerk which: a DTD (deliberate or exotic tooling) or plain damage.
            return MentionsDoctype(entry) ? RosterFileFindings.UnsafeXml() : RosterFileFindings.Corrupt();
        }
    }

    private static bool MentionsDoctype(ZipArchiveEntry entry)
    {
        var head = new byte[64 * 1024];
        using var stream = entry.Open();
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        return bytes.IndexOf("<!DOCTYPE"u8) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("<!DOCTYPE")) >= 0;
    }

    /// <summary>The value of the custom property <see cref="TemplatePropertyName"/>, or null.</summary>
    private static string? ReadTemplateProperty(ZipArchiveEntry? customProperties)
    {
        if (customProperties is null || customProperties.Length > MaxMetadataPartBytes)
        {
            return null;
        }

        using var reader = XmlReader.Create(customProperties.Open(), SafeXml);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "property"
                && reader.GetAttribute("name") == TemplatePropertyName)
            {
                // <property name="…"><vt:lpwstr>value</vt:lpwstr></property>
                using var property = reader.ReadSubtree();
                property.Read();
                while (property.Read())
                {
                    if (property.NodeType == XmlNodeType.Element)
                    {
                        return property.ReadElementContentAsString().Trim();
                    }
                }

                return null;
            }
        }

        return null;
    }

    private static XlsxPackageInfo Refuse(RosterFinding finding) => new(finding, null);
}
