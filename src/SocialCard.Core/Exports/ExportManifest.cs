using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCard.Core.Exports;

/// <summary>
/// <c>manifest.json</c>, the last entry of an export zip: what the export is, its counts, every other file's size
/// and SHA-256 (so the receiver can check the zip arrived whole), and per roster row where the photo comes from.
/// ID numbers are not repeated here (the roster and the photo names carry them).
/// </summary>
public sealed record ExportManifest(
    string Format,
    string UnitNumber,
    string UnitName,
    int Number,
    string FileName,
    DateTimeOffset CreatedAt,
    int PersonCount,
    int PhotoCount,
    int RegistryPhotoCount,
    string Roster,
    IReadOnlyList<ExportManifestFile> Files,
    IReadOnlyList<ExportManifestPerson> Persons)
{
    public const string CurrentFormat = "SOCIALCARD-EXPORT-1";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a manifest written by <see cref="ToJson"/> (null for the JSON literal null).</summary>
    public static ExportManifest? Read(Stream json) => JsonSerializer.Deserialize<ExportManifest>(json, Json);
}

/// <summary>One file of the zip other than the manifest: its path inside the zip, size in bytes, SHA-256 (hex, lower case).</summary>
public sealed record ExportManifestFile(string Path, long Size, string Sha256);

/// <summary>One roster row (spreadsheet row number, header = 1): the photo's source and, for a file, its path.</summary>
public sealed record ExportManifestPerson(int Row, string? PersonalNumber, string Name, ExportPhotoSource PhotoSource, string? Photo);
