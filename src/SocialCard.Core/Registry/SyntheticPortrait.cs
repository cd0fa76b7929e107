using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Registry;

/// <summary>
/// The mock registry's ID photo of a person: a plain drawn head and shoulders on white, 358 × 441 at 350 dpi (the
/// card photo's size), whose skin, hair and clothing tones follow from the ID number, so every person gets their own
/// and the same person always the same. Not a face anyone could mistake for a real one.
/// </summary>
public static class SyntheticPortrait
{
    public const int Width = 358;
    public const int Height = 441;

    public static byte[] Jpeg(string idNumber, IJpegCodec codec)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(codec);
        return codec.Encode(Pixels(idNumber), Width, Height, JpegPixelFormat.Rgb, quality: 85, dpi: 350);
    }

    /// <summary>RGB rows, top-down.</summary>
    public static byte[] Pixels(string idNumber)
    {
        var h = Hash(idNumber);
        var skin = Tone(232 - (int)(h % 40), 196 - (int)(h / 40 % 35), 170 - (int)(h / 1400 % 40));
        var hair = Tone(20 + (int)(h / 7 % 50), 16 + (int)(h / 11 % 30), 14 + (int)(h / 13 % 20));
        var cloth = Tone(30 + (int)(h / 17 % 60), 34 + (int)(h / 19 % 50), 48 + (int)(h / 23 % 70));
        var headRx = 64 + (int)(h / 29 % 12);
        var headRy = 84 + (int)(h / 31 % 10);
        var pixels = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var color = Tone(255, 255, 255);
                if (Inside(x, y, 179, 500, 175, 150))
                {
                    color = cloth;
                }

                if (Inside(x, y, 179, 300, 34, 60))
                {
                    color = skin; // neck
                }

                if (Inside(x, y, 179, 178, headRx + 6, headRy + 4) && y < 150)
                {
                    color = hair;
                }

                if (Inside(x, y, 179, 190, headRx, headRy) && !(y < 128 && Inside(x, y, 179, 178, headRx + 6, headRy + 4)))
                {
                    color = skin;
                }

                if (Inside(x, y, 151, 185, 10, 5) || Inside(x, y, 207, 185, 10, 5))
                {
                    color = Tone(40, 32, 30); // eyes
                }

                if (Inside(x, y, 179, 240, 18, 3))
                {
                    color = Tone(170, 90, 90); // mouth
                }

                var i = (y * Width + x) * 3;
                pixels[i] = color.R;
                pixels[i + 1] = color.G;
                pixels[i + 2] = color.B;
            }
        }

        return pixels;
    }

    private static bool Inside(int x, int y, int cx, int cy, int rx, int ry)
    {
        double dx = (x - cx) / (double)rx, dy = (y - cy) / (double)ry;
        return dx * dx + dy * dy <= 1;
    }

    private static (byte R, byte G, byte B) Tone(int r, int g, int b) => ((byte)r, (byte)g, (byte)b);

    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL; // FNV-1a
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }
}
