namespace SocialCard.Core.Photos.Faces;

/// <summary>
/// The three OpenCV Haar cascades face geometry uses, read from the system at start-up (Debian package
/// <c>opencv-data</c>; Intel's BSD-style licence — the files are read, never copied into this project). Immutable
/// after loading: load once and share.
/// </summary>
public sealed class FaceCascades
{
    /// <summary>Where Debian's opencv-data puts them.</summary>
    public const string DefaultDirectory = "/usr/share/opencv4/haarcascades";

    public const string FaceFile = "haarcascade_frontalface_default.xml";
    public const string EyeFile = "haarcascade_eye.xml";
    public const string EyeWithGlassesFile = "haarcascade_eye_tree_eyeglasses.xml";

    private FaceCascades(HaarCascade face, HaarCascade eye, HaarCascade eyeWithGlasses)
    {
        Face = face;
        Eye = eye;
        EyeWithGlasses = eyeWithGlasses;
    }

    /// <summary>Frontal faces, 24 × 24 window (Rainer Lienhart's stump cascade).</summary>
    public HaarCascade Face { get; }

    /// <summary>Open eyes, 20 × 20 window.</summary>
    public HaarCascade Eye { get; }

    /// <summary>Eyes also behind glasses: trees with 45° features; tried where <see cref="Eye"/> found nothing.</summary>
    public HaarCascade EyeWithGlasses { get; }

    /// <summary>
    /// Reads the three cascades from <paramref name="directory"/> (a configuration setting; default
    /// <see cref="DefaultDirectory"/>). Throws <see cref="FaceCascadesMissingException"/> naming the package when a
    /// file is missing, <see cref="InvalidDataException"/> when one is not a Haar cascade.
    /// </summary>
    public static FaceCascades Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (CheckAvailable(directory) is { } problem)
        {
            throw new FaceCascadesMissingException(problem);
        }

        return new FaceCascades(
            HaarCascade.Load(Path.Combine(directory, FaceFile)),
            HaarCascade.Load(Path.Combine(directory, EyeFile)),
            HaarCascade.Load(Path.Combine(directory, EyeWithGlassesFile)));
    }

    /// <summary>Start-up / health check: null when the three files exist, else what is missing and how to install it.</summary>
    public static string? CheckAvailable(string directory)
    {
        var missing = new[] { FaceFile, EyeFile, EyeWithGlassesFile }.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        return missing.Count == 0
            ? null
            : $"OpenCV Haar cascade file(s) {string.Join(", ", missing)} not found in {directory}: apt-get install opencv-data (or configure the cascade directory)";
    }
}

/// <summary>The cascade files are not installed: a broken installation, not a problem with a photo.</summary>
public sealed class FaceCascadesMissingException(string message) : Exception(message);
