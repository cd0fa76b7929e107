using SocialCard.Core.Photos.Faces;

namespace SocialCard.Core.Photos.Fixing;

/// <summary>
/// How far the head (hair included) reaches to each side: in every row from the top of the hair to a quarter of a
/// face width below the eyes — the rows the inspector's side bands cover once the photo is framed — the scan starts
/// at an eye and goes outwards over pixels unlike the background (a channel more than 40 away from the whiter top
/// corner), bridging gaps of a fifteenth of the face width, until the background takes over; the widest row counts.
/// At most 1.2 face widths from the eye midpoint (beyond that it is not hair).
/// </summary>
internal static class HeadExtent
{
    private const int Difference = 40;

    public static (double Left, double Right) Measure(RgbImageView image, FaceLandmarks face)
    {
        int w = image.Width, h = image.Height;
        var background = WhiterCorner(image);
        var eyes = face.EyeMidpoint;
        var reach = 1.2 * face.FaceWidth;
        var gap = Math.Max(2, (int)(face.FaceWidth / 15));
        int xMin = Math.Max(0, (int)(eyes.X - reach)), xMax = Math.Min(w - 1, (int)(eyes.X + reach));
        int y0 = Math.Clamp(face.HeadTop, 0, h - 1), y1 = Math.Clamp((int)(eyes.Y + (0.25 * face.FaceWidth)), y0, h - 1);
        int startLeft = Math.Clamp((int)face.LeftEye.X, xMin, xMax), startRight = Math.Clamp((int)face.RightEye.X, xMin, xMax);
        int left = startLeft, right = startRight;
        for (var y = y0; y <= y1; y++)
        {
            left = Math.Min(left, Edge(image, y, startLeft, -1, xMin, gap, background));
            right = Math.Max(right, Edge(image, y, startRight, 1, xMax, gap, background));
        }

        return (left, right + 1);
    }

    private static int Edge(RgbImageView image, int y, int start, int direction, int limit, int gap, (int R, int G, int B) background)
    {
        var row = image.Pixels.Slice(y * image.Stride, image.Stride);
        var last = start;
        for (int x = start, misses = 0; direction < 0 ? x >= limit : x <= limit; x += direction)
        {
            int i = x * 3;
            var unlike = Math.Abs(row[i] - background.R) > Difference
                || Math.Abs(row[i + 1] - background.G) > Difference
                || Math.Abs(row[i + 2] - background.B) > Difference;
            if (unlike)
            {
                (last, misses) = (x, 0);
            }
            else if (++misses > gap)
            {
                break;
            }
        }

        return last;
    }

    private static (int R, int G, int B) WhiterCorner(RgbImageView image)
    {
        int cw = Math.Max(1, image.Width * 6 / 100), ch = Math.Max(1, image.Height * 4 / 100);
        var a = PixelStatistics.Region(image, new PixelRect(0, 0, cw, ch))!.Value.Mean;
        var b = PixelStatistics.Region(image, new PixelRect(image.Width - cw, 0, cw, ch))!.Value.Mean;
        return a.R + a.G + a.B >= b.R + b.G + b.B ? (a.R, a.G, a.B) : (b.R, b.G, b.B);
    }
}
