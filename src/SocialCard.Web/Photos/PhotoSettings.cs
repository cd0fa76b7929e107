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

    private readonly Lazy<Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker> landmarker;

    public PhotoSettings() => landmarker = new(BuildLandmarker);

    /// <summary>The one landmark model the inspector and the fixer share; a missing model is a start-up error naming the command.</summary>
    public Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker Landmarker() => landmarker.Value;

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

    public PhotoArchiveLimits ArchiveLimits => new();

    /// <summary>Reads the section; a list given as items (Photos:RequiredFor:0 …) counts like the comma-separated form.</summary>
    public static PhotoSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var settings = section.Get<PhotoSettings>() ?? new PhotoSettings();
        var items = section.GetSection(nameof(RequiredFor)).GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (items.Count > 0)
        {
            settings.RequiredFor = string.Join(",", items);
        }

        settings._requiredFor = ParseRequiredFor(settings.RequiredFor);
        return settings;
    }

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

    /// <summary>The fixer that reframes a camera photo into the specification (same limits as the inspector).</summary>
    public Core.Photos.Fixing.PhotoFixer BuildFixer() =>
        Core.Photos.Fixing.PhotoFixer.CreateDefault(CascadeDirectory, new PhotoSpec { MinBytes = MinKilobytes * 1024, MaxBytes = MaxKilobytes * 1024 }, Landmarker());

    /// <summary>Builds the inspector, turning a missing native library or cascade into a start-up error that names the fix.</summary>
    public PhotoInspector BuildInspector()
    {
        if (JpegCodec.CheckAvailable() is { } jpegProblem)
        {
            throw new StartupException(jpegProblem);
        }

        var spec = new PhotoSpec { MinBytes = MinKilobytes * 1024, MaxBytes = MaxKilobytes * 1024 };
        try
        {
            return PhotoInspector.CreateDefault(CascadeDirectory, spec, Landmarker());
        }
        catch (FaceCascadesMissingException ex)
        {
            throw new StartupException($"{ex.Message} (setting Photos:CascadeDirectory = '{CascadeDirectory}')", ex);
        }
    }

    private Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker BuildLandmarker() =>
        Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker.CheckAvailable(BlazeFaceModel) is { } problem
            ? throw new StartupException(problem)
            : new Core.Photos.Faces.BlazeFace.BlazeFaceLandmarker(BlazeFaceModel);
}
