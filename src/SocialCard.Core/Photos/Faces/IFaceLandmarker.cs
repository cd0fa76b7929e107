namespace SocialCard.Core.Photos.Faces;

/// <summary>
/// Six points of a face from a landmark model, in the pixels of the image given (continuous coordinates). "Left" and
/// "right" are the image's: <see cref="LeftEye"/> is the subject's right eye. The tragion is where the ear meets the
/// face, what the specification calls the face width's ends (左右脸颊，耳朵与脸的连接处).
/// </summary>
public sealed record FaceKeypoints(
    PixelRect Box,
    PixelPoint LeftEye,
    PixelPoint RightEye,
    PixelPoint Nose,
    PixelPoint Mouth,
    PixelPoint LeftTragion,
    PixelPoint RightTragion,
    double Score)
{
    public double TragionWidth => Math.Sqrt(Math.Pow(RightTragion.X - LeftTragion.X, 2) + Math.Pow(RightTragion.Y - LeftTragion.Y, 2));
}

/// <summary>
/// The seam for a second opinion on face landmarks (today MediaPipe BlazeFace, in Faces/BlazeFace): used by
/// <see cref="FaceGeometry"/> where the Haar cascades find no face or no eyes. Implementations are thread-safe and
/// do not keep the view.
/// </summary>
public interface IFaceLandmarker
{
    /// <summary>The faces found, most confident first (overlapping detections already merged).</summary>
    IReadOnlyList<FaceKeypoints> Detect(RgbImageView image);
}
