using System.Diagnostics;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Reads an uploaded roster: .xlsx (ExcelDataReader streams the sheet XML after <see cref="XlsxPackageCheck"/> has
/// vetted the zip), legacy .xls, and .csv in UTF-8 or GB18030. The file's content must match its extension.
/// Every expected failure is a file-level finding; nothing the upload contains makes this throw.
/// </summary>
public sealed class RosterReader : IRosterReader
{
    static RosterReader()
    {
        // .xls strings and GB18030 CSV need the legacy code pages, absent from .NET by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // Created per read, not in a static field: its constructor looks up code page 1252, which exists only after
    // the static constructor has registered the provider (field initialisers run before it).
    private static ExcelReaderConfiguration ParserConfiguration => new() { LeaveOpen = true };

    /// <inheritdoc />
    public RosterReadResult Read(Stream content, string fileName, RosterLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The roster must be a readable, seekable stream.", nameof(content));
        }

        var extension = ExtensionOf(fileName);
        RosterFormat? format = extension switch
        {
            ".xlsx" => RosterFormat.Xlsx,
            ".xls" => RosterFormat.Xls,
            ".csv" => RosterFormat.Csv,
            _ => null,
        };
        if (format is not { } known)
        {
            return Fail(null, RosterFileFindings.UnsupportedExtension(extension));
        }

        if (content.Length > limits.MaxBytes)
        {
            return Fail(known, RosterFileFindings.TooManyBytes(content.Length, limits.MaxBytes));
        }

        var kind = DetectKind(content);
        if (kind == FileKind.Ole && FileSignature.IsEncryptedPackage(ReadAll(content)))
        {
            return Fail(known, RosterFileFindings.PasswordProtected());
        }

        return known switch
        {
            RosterFormat.Xlsx => ReadXlsx(content, kind, limits),
            RosterFormat.Xls => ReadXls(content, kind, limits),
            _ => ReadCsv(content, kind, limits),
        };
    }

    private static RosterReadResult ReadXlsx(Stream content, FileKind kind, RosterLimits limits)
    {
        if (kind != FileKind.Zip)
        {
            return Fail(RosterFormat.Xlsx, Mismatch(".xlsx", kind));
        }

        content.Position = 0;
        var package = XlsxPackageCheck.Inspect(content, limits);
        if (package.Refusal is { } refusal)
        {
            return Fail(RosterFormat.Xlsx, refusal);
        }

        content.Position = 0;
        return ReadWorkbook(RosterFormat.Xlsx, () => ExcelReaderFactory.CreateOpenXmlReader(content, ParserConfiguration), package.TemplateProperty, limits);
    }

    private static RosterReadResult ReadXls(Stream content, FileKind kind, RosterLimits limits)
    {
        if (kind != FileKind.Ole)
        {
            return Fail(RosterFormat.Xls, Mismatch(".xls", kind));
        }

        content.Position = 0;
        return ReadWorkbook(RosterFormat.Xls, () => ExcelReaderFactory.CreateBinaryReader(content, ParserConfiguration), null, limits);
    }

    private static RosterReadResult ReadWorkbook(RosterFormat format, Func<IExcelDataReader> open, string? propertyMarker, RosterLimits limits)
    {
        WorkbookRead outcome;
        try
        {
            using var reader = open();
            outcome = ExcelWorkbookReader.Read(reader, limits);
        }
        catch (InvalidPasswordException)
        {
            // An .xls with a password (ExcelDataReader has already tried Excel's default "VelvetSweatshop").
            return Fail(format, RosterFileFindings.PasswordProtected());
        }
        catch (Exception ex) when (IsParserFailure(ex))
        {
            return Fail(format, RosterFileFindings.Corrupt());
        }

        // A marker from an older template wins over any header problem: downloading again fixes both.
        if (new[] { propertyMarker, outcome.SheetMarker }.FirstOrDefault(m => m is not null && m != RosterTemplate.Version) is { } stale)
        {
            return Fail(format, RosterFileFindings.OutdatedTemplate(stale), stale);
        }

        var version = propertyMarker ?? outcome.SheetMarker;
        return outcome.Sheet.Refusal is { } refusal
            ? Fail(format, refusal, version)
            : new RosterReadResult(format, version, outcome.Sheet.Rows, []);
    }

    private static RosterReadResult ReadCsv(Stream content, FileKind kind, RosterLimits limits)
    {
        if (kind != FileKind.Other)
        {
            return Fail(RosterFormat.Csv, Mismatch(".csv", kind));
        }

        var bytes = ReadAll(content);
        var (encoding, bomLength) = CsvEncoding.Detect(bytes);
        if (CsvEncoding.LooksBinary(bytes, encoding))
        {
            return Fail(RosterFormat.Csv, RosterFileFindings.BinaryCsv());
        }

        using var text = new StreamReader(
            new MemoryStream(bytes, bomLength, bytes.Length - bomLength, writable: false),
            encoding,
            detectEncodingFromByteOrderMarks: false);
        var outcome = RosterSheetReader.Read(new CsvRowCursor(text), limits);
        return outcome.Refusal is { } refusal
            ? Fail(RosterFormat.Csv, refusal)
            : new RosterReadResult(RosterFormat.Csv, null, outcome.Rows, []);
    }

    /// <summary>
    /// Damaged or hostile input surfaces from the third-party parser as these exceptions (or as any exception
    /// thrown inside its own code, e.g. an index out of range on a truncated record). Exceptions from this
    /// class's own code and critical ones are not swallowed.
    /// </summary>
    private static bool IsParserFailure(Exception ex) =>
        ex is not OutOfMemoryException
        && (ex is ExcelReaderException or XmlException or InvalidDataException or EndOfStreamException
            || ThrownInside(ex, typeof(IExcelDataReader).Assembly));

    private static bool ThrownInside(Exception ex, System.Reflection.Assembly assembly) =>
        new StackTrace(ex, fNeedFileInfo: false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == assembly);

    /// <summary>
    /// The lower-case extension of the name's last segment: some browsers send a Windows path
    /// ("C:\资料.2024\花名册"), whose backslashes are no separators on Linux.
    /// </summary>
    private static string ExtensionOf(string fileName)
    {
        var name = fileName.Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[dot..].ToLowerInvariant();
    }

    private static FileKind DetectKind(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return FileSignature.Detect(head[..length]);
    }

    private static byte[] ReadAll(Stream content)
    {
        content.Position = 0;
        var bytes = new byte[content.Length];
        content.ReadExactly(bytes);
        return bytes;
    }

    private static RosterFinding Mismatch(string extension, FileKind kind) => kind == FileKind.Other
        ? RosterFileFindings.NotASpreadsheet(extension)
        : RosterFileFindings.ContentMismatch(extension, FileSignature.Describe(kind));

    private static RosterReadResult Fail(RosterFormat? format, RosterFinding finding, string? version = null) =>
        new(format, version, [], [finding]);
}
