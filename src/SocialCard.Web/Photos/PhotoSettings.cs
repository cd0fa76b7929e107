using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Uploads;
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

    /// <summary>Accepted photo file size in KB (the regions' rules differ; the MOHRSS default is 14–40 KB).</summary>
    public int MinKilobytes { get; set; } = 14;

    public int MaxKilobytes { get; set; } = 40;

    /// <summary>Largest bulk upload (a .zip or several files), in MB.</summary>
    public int MaxUploadMegabytes { get; set; } = 200;

    public PhotoArchiveLimits ArchiveLimits => new();

    /// <summary>The fixer that reframes a camera photo into the specification (same limits as the inspector).</summary>
    public Core.Photos.Fixing.PhotoFixer BuildFixer() =>
        Core.Photos.Fixing.PhotoFixer.CreateDefault(CascadeDirectory, new PhotoSpec { MinBytes = MinKilobytes * 1024, MaxBytes = MaxKilobytes * 1024 });

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
            return PhotoInspector.CreateDefault(CascadeDirectory, spec);
        }
        catch (FaceCascadesMissingException ex)
        {
            throw new StartupException($"{ex.Message} (setting Photos:CascadeDirectory = '{CascadeDirectory}')", ex);
        }
    }
}
