using System.IO.Compression;
using System.Security.Cryptography;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Exports;

/// <summary>What an export is: the unit, its running number and time, and whether photos go in class folders (schools).</summary>
public sealed record ExportHeader(string UnitNumber, string UnitName, int Number, DateTimeOffset CreatedAt, bool GroupByClass, int AddressMaxLength)
{
    public string FileName => DataExport.FileNameFor(UnitNumber, Number);
}

/// <summary>A person's photo file was to go into the export but the photo store does not have it.</summary>
public sealed class ExportPhotoMissingException(string personName)
    : Exception($"The photo file of an exported person ({personName}) is missing from the photo store.")
{
    public string PersonName { get; } = personName;
}

/// <summary>
/// Writes one 分批报盘 zip (docs/DOMAIN.md §3, Dalian variant):
/// <code>
/// 1111011out_1.xlsx                  the roster in the template layout (readable by the portal's RosterReader)
/// 1111011/&lt;ID&gt;-&lt;name&gt;.jpg          photos of a company's persons
/// 1111011/&lt;class&gt;/&lt;ID&gt;-&lt;name&gt;.jpg  photos of a school's pupils, by class
/// manifest.json                      counts, every file's size and SHA-256, each row's photo source
/// </code>
/// Persons whose photo is in the registry get no file. Nothing here touches a database or the file system.
/// </summary>
public static class ExportPackageWriter
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <param name="output">A writable stream; the zip is written into it (it need not be seekable).</param>
    /// <param name="persons">The persons in roster order (schools: regrouped by class, keeping this order inside a class).</param>
    /// <param name="openPhoto">Opens the photo of a person with <see cref="ExportPhotoSource.File"/>; null when it is missing.</param>
    /// <exception cref="ExportPhotoMissingException">A photo could not be opened.</exception>
    public static async Task<ExportManifest> WriteAsync(
        Stream output,
        ExportHeader header,
        IReadOnlyList<ExportPerson> persons,
        Func<ExportPerson, CancellationToken, Task<Stream?>> openPhoto,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(openPhoto);

        var ordered = header.GroupByClass
            ? persons.OrderBy(p => string.Join('/', ExportNames.Folders(header.UnitNumber, true, p)), StringComparer.Ordinal).ToList()
            : persons.ToList();
        var createdAt = header.CreatedAt.ToOffset(ChinaOffset);
        var rosterName = ExportNames.RosterName(header.UnitNumber, header.Number);
        var files = new List<ExportManifestFile>();
        var rows = new List<ExportManifestPerson>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { rosterName, ExportNames.ManifestName };

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var roster = Roster(ordered, header);
            files.Add(Add(zip, rosterName, roster, createdAt));

            for (var i = 0; i < ordered.Count; i++)
            {
                var person = ordered[i];
                string? path = null;
                if (person.PhotoSource == ExportPhotoSource.File)
                {
                    path = Unique(used, ExportNames.PhotoPath(header.UnitNumber, header.GroupByClass, person));
                    files.Add(Add(zip, path, await ReadPhotoAsync(person, openPhoto, cancellationToken), createdAt));
                }

                rows.Add(new ExportManifestPerson(i + 2, person.PersonalNumber, person.Name, person.PhotoSource, path));
            }

            var manifest = new ExportManifest(
                ExportManifest.CurrentFormat,
                header.UnitNumber,
                header.UnitName,
                header.Number,
                header.FileName,
                createdAt,
                ordered.Count,
                rows.Count(r => r.PhotoSource == ExportPhotoSource.File),
                rows.Count(r => r.PhotoSource == ExportPhotoSource.Registry),
                rosterName,
                files,
                rows);
            Add(zip, ExportNames.ManifestName, manifest.ToJson(), createdAt);
            return manifest;
        }
    }

    private static byte[] Roster(IReadOnlyList<ExportPerson> persons, ExportHeader header)
    {
        using var buffer = new MemoryStream();
        var options = new XlsxTemplateOptions(
            RosterTemplateWriter.CleanCategories(persons.Select(p => p.Category)),
            header.AddressMaxLength,
            Protect: false);
        XlsxTemplateWorkbook.Write(buffer, persons.Select((p, i) => new XlsxDataRow(i + 2, p.RosterValues())), options);
        return buffer.ToArray();
    }

    private static async Task<byte[]> ReadPhotoAsync(ExportPerson person, Func<ExportPerson, CancellationToken, Task<Stream?>> openPhoto, CancellationToken cancellationToken)
    {
        await using var stream = await openPhoto(person, cancellationToken) ?? throw new ExportPhotoMissingException(person.Name);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static ExportManifestFile Add(ZipArchive zip, string path, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using (var stream = entry.Open())
        {
            stream.Write(content);
        }

        return new ExportManifestFile(path, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Two persons whose safe names coincide (the same ID and name twice) still get a file each: "…(2).jpg".</summary>
    private static string Unique(HashSet<string> used, string path)
    {
        var candidate = path;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{path[..^4]}({n}).jpg";
        }

        return candidate;
    }
}
