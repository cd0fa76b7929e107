using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Uploads;
using SocialCard.Core.Units;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Photos;

/// <summary>The "Photos" configuration section.</summary>
public sealed class PhotoSettings
{
    public const string Section = "Photos";

    /// <summary>Folder of the photo store (content-addressed files), relative to the content root.</summary>
    public string Directory { get; set; } = "data/photos";

    /// <summary>OpenCV's Haar cascade files (Debian package opencv-data).</summary>
    public string CascadeDirectory { get; set; } = FaceCascades.DefaultDirectory;

    /// <summary>MediaPipe BlazeFace's ONNX model, the face geometry's second opinion (installed by scripts/fetch-blazeface.sh).</summary>
    public string BlazeFaceModel { get; set; } = Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker.DefaultPath;

    /// <summary>Accepted photo file size in KB (the regions' rules differ; the MOHRSS default is 14–40 KB).</summary>
    public int MinKilobytes { get; set; } = 14;

    public int MaxKilobytes { get; set; } = 40;

    /// <summary>Largest bulk upload (a .zip or several files), in MB.</summary>
    public int MaxUploadMegabytes { get; set; } = 200;

    /// <summary>
    /// The unit types whose persons need a current portrait before 申报 (PHOTO_MISSING blocks): a comma-separated
    /// list (<c>Photos:RequiredFor=School,Other</c>) or a configuration list. Kindergarten children never need one.
    /// </summary>
    public string RequiredFor { get; set; } = "School,Other";

    private IReadOnlySet<UnitType>? _requiredFor;

    /// <summary>Files in one bulk upload (a .zip or several files).</summary>
    public int MaxFilesPerUpload { get; set; } = 5000;

    /// <summary>Largest single file before it is inspected (a camera original is adjusted down to the KB range), in MB.</summary>
    public int MaxFileMegabytes { get; set; } = 12;

    /// <summary>Largest unpacked size of a .zip, in MB, and the largest compression ratio of one entry.</summary>
    public int MaxUnpackedMegabytes { get; set; } = 1024;

    public int MaxCompressionRatio { get; set; } = 100;

    public PhotoArchiveLimits ArchiveLimits => new(MaxFilesPerUpload, MaxFileMegabytes * 1024L * 1024, MaxUnpackedMegabytes * 1024L * 1024, MaxCompressionRatio);

    /// <summary>Reads the section the way the portal does (for tools and tests that have no service provider).</summary>
    public static PhotoSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(Section).Get<PhotoSettings>() ?? new PhotoSettings();
        settings.ReadListForm(configuration);
        settings.Check();
        return settings;
    }

    /// <summary>A list given as items (Photos:RequiredFor:0 …) counts like the comma-separated form.</summary>
    public void ReadListForm(IConfiguration configuration)
    {
        var items = configuration.GetSection(Section).GetSection(nameof(RequiredFor)).GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (items.Count > 0)
        {
            RequiredFor = string.Join(",", items);
        }
    }

    /// <summary>Refuses values the portal cannot work with, naming the key.</summary>
    public void Check()
    {
        if (MinKilobytes < 1 || MaxKilobytes < MinKilobytes)
        {
            throw new StartupException($"Photos:MinKilobytes is {MinKilobytes} and Photos:MaxKilobytes {MaxKilobytes}; give a positive minimum no larger than the maximum (default 14 and 40).");
        }

        if (MaxUploadMegabytes < 1 || MaxFilesPerUpload < 1 || MaxFileMegabytes < 1 || MaxUnpackedMegabytes < 1 || MaxCompressionRatio < 1)
        {
            throw new StartupException(
                $"Photos:MaxUploadMegabytes ({MaxUploadMegabytes}), MaxFilesPerUpload ({MaxFilesPerUpload}), MaxFileMegabytes ({MaxFileMegabytes}), " +
                $"MaxUnpackedMegabytes ({MaxUnpackedMegabytes}) and MaxCompressionRatio ({MaxCompressionRatio}) must all be positive (defaults 200, 5000, 12, 1024, 100).");
        }

        _requiredFor = ParseRequiredFor(RequiredFor);
    }

    /// <summary>The photo specification with this deployment's byte range.</summary>
    public PhotoSpec Spec() => new() { MinBytes = MinKilobytes * 1024, MaxBytes = MaxKilobytes * 1024 };

    /// <summary>Whether persons of a unit of this type must have a portrait before the batch is declared.</summary>
    public bool PhotoRequired(UnitType type) =>
        !type.IsPhotoExempt() && (_requiredFor ??= ParseRequiredFor(RequiredFor)).Contains(type);

    private static HashSet<UnitType> ParseRequiredFor(string? list)
    {
        var types = new HashSet<UnitType>();
        foreach (var name in (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<UnitType>(name, ignoreCase: true, out var type) || int.TryParse(name, out _))
            {
                throw new StartupException(
                    $"Photos:RequiredFor names '{name}', which is no unit type; list some of {string.Join(", ", Enum.GetNames<UnitType>())} separated by commas (default School,Other; Kindergarten never needs a photo).");
            }

            types.Add(type);
        }

        return types;
    }
}
