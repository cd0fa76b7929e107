namespace SocialCard.Core.Photos.Fixing;

/// <summary>What the fixer did to the original.</summary>
public enum PhotoFixAction
{
    /// <summary>Nothing: the original already met the specification, or the fixer refused before changing it.</summary>
    None,

    /// <summary>Only the JFIF density was rewritten to the specified dpi; the image data is the original's, byte for byte.</summary>
    Density,

    /// <summary>Decoded and encoded again at the same size (file size or quality out of range).</summary>
    Reencode,

    /// <summary>Scaled and cropped around the face (DCT-scaled decode, resampling, encoding).</summary>
    Reframe,
}

/// <summary>Why a photo was not fixed (<see cref="None"/> when it was).</summary>
public enum PhotoFixProblem
{
    None,

    /// <summary>Not a JPEG, truncated or corrupt (PHOTO_UNREADABLE).</summary>
    Unreadable,

    /// <summary>Grayscale, CMYK/YCCK or a black-and-white picture (PHOTO_COLOR): colour cannot be invented.</summary>
    NotColor,

    /// <summary>No face found (PHOTO_NO_FACE).</summary>
    NoFace,

    /// <summary>More than one face (PHOTO_MANY_FACES).</summary>
    ManyFaces,

    /// <summary>A face, but not both eyes: the crop cannot be placed reliably.</summary>
    EyesNotFound,

    /// <summary>The face is so small that the output would be upscaled more than <see cref="PhotoFixer.MaxUpscale"/> times.</summary>
    FaceTooSmall,

    /// <summary>The framing needs picture beyond an edge of the original whose background is not white.</summary>
    AtEdge,

    /// <summary>The background of the framed photo is not white and even (PHOTO_BACKGROUND).</summary>
    Background,

    /// <summary>No quality in the search range gives a file size inside the configured range (PHOTO_FILE_SIZE).</summary>
    FileSize,

    /// <summary>A photo of the specified size has a problem the fixer does not touch (listed in the refusal).</summary>
    NotFixable,

    /// <summary>The fixed photo was made but fails its own inspection (<see cref="PhotoFixResult.Inspection"/> has the findings).</summary>
    StillFailing,
}

/// <summary>
/// How a reframed photo was cut from the original, for the clerk's before/after view: the original's eye midpoint
/// and face width, the scale (output pixels per original pixel), the crop in the original's pixels (continuous
/// coordinates; it may reach outside the original on the padded edges, filled with the edge's white), the DCT scale
/// the original was decoded at (1, 2, 4 or 8) and whether the framing was corrected after measuring the first result.
/// </summary>
public sealed record PhotoFraming(
    PixelPoint Eyes,
    double FaceWidth,
    double Scale,
    CropRect Crop,
    ImageEdges Padded,
    int DecodeScale,
    bool Refined);

/// <summary>
/// The outcome of <see cref="PhotoFixer.Fix"/>: a result value, never an exception for a problem with the photo.
/// <see cref="Fixed"/> is true only when <see cref="Bytes"/> passed the inspector (with face geometry) without an
/// error; warnings and near-limit measurements may remain (see <see cref="Inspection"/>).
/// </summary>
public sealed record PhotoFixResult
{
    public bool Fixed { get; init; }

    /// <summary>The compliant photo; also set when <see cref="Problem"/> is <see cref="PhotoFixProblem.StillFailing"/>, to show the attempt.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The inspection of <see cref="Bytes"/> (or, for a photo of the specified size refused unchanged, of the original).</summary>
    public PhotoInspection? Inspection { get; init; }

    /// <summary>Why the photo was not fixed, in Chinese for the clerk; null when fixed.</summary>
    public string? Refusal { get; init; }

    public PhotoFixProblem Problem { get; init; }

    public PhotoFixAction Action { get; init; }

    /// <summary>The JPEG quality written (null when the image data was not encoded again).</summary>
    public int? Quality { get; init; }

    /// <summary>Set for <see cref="PhotoFixAction.Reframe"/>.</summary>
    public PhotoFraming? Framing { get; init; }
}
