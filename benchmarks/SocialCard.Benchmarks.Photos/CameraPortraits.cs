using System.Diagnostics;
using System.Text;
using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Benchmarks.Photos;

/// <summary>
/// 3000 × 4000 camera-size portraits. The real face is scikit-image's <c>astronaut.png</c> (NASA, public domain),
/// from Debian's python3-skimage: the installed file, or the package fetched with <c>apt-get download</c> and
/// unpacked with <c>dpkg -x</c>, converted to PPM with ImageMagick. Her grey backdrop is painted white and the
/// picture enlarged 4.6–6.2 times onto a white canvas at varying places. When the file cannot be had, drawn figures
/// are used instead (their cartoon eyes are not found, so the fixer refuses them: only the timing means something).
/// </summary>
internal static class CameraPortraits
{
    public const int Width = 3000;
    public const int Height = 4000;

    private const string Installed = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
    private const string InPackage = "usr/lib/python3/dist-packages/skimage/data/astronaut.png";

    // Hand-measured eye midpoint of astronaut.png (docs/PHOTOS.md).
    private const double EyesX = 225.0;
    private const double EyesY = 101.75;

    private static readonly double[] Scales = [4.6, 5.0, 5.4, 5.8, 6.2];

    /// <summary>Writes <paramref name="count"/> portraits as JPEG files into <paramref name="directory"/>; returns their paths and what they show.</summary>
    public static (List<string> Files, string Source) Write(string directory, int count)
    {
        var (picture, w, h, source) = Load();
        var codec = new JpegCodec();
        var files = new List<string>(count);
        var canvas = new byte[Width * Height * 3];
        var scaled = new Dictionary<double, (byte[] Pixels, int Size)>();
        for (var i = 0; i < count; i++)
        {
            var random = new Random(1000 + i);
            var k = Scales[i % Scales.Length];
            if (!scaled.TryGetValue(k, out var enlarged))
            {
                enlarged = scaled[k] = Enlarge(picture, w, h, k);
            }

            var eyesX = 1500 + random.Next(-300, 301);
            var eyesY = 1600 + random.Next(-300, 301);
            Place(canvas, enlarged.Pixels, enlarged.Size, (int)(eyesX - (EyesX * k)), (int)(eyesY - (EyesY * k)));
            var path = Path.Combine(directory, $"camera-{i:000}.jpg");
            File.WriteAllBytes(path, codec.Encode(canvas, Width, Height, JpegPixelFormat.Rgb, 90, dpi: 72));
            files.Add(path);
        }

        return (files, source);
    }

    private static (byte[] Pixels, int Width, int Height, string Source) Load()
    {
        var temp = Directory.CreateTempSubdirectory("socialcard-bench-astronaut-");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp.FullName, (UnixFileMode)0b111_101_101); // apt-get downloads as the _apt user
            }

            var png = File.Exists(Installed) ? Installed : Fetch(temp.FullName);
            var ppm = Path.Combine(temp.FullName, "astronaut.ppm");
            Run("convert", temp.FullName, png, ppm);
            var (pixels, w, h) = ReadPpm(File.ReadAllBytes(ppm));
            WhitenBackdrop(pixels, w, h);
            return (pixels, w, h, $"astronaut.png ({(png == Installed ? "installed python3-skimage" : "python3-skimage fetched with apt-get download")}), backdrop painted white");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Fallback: a drawn figure, face 110 px in a 512 × 512 picture like the astronaut's.
            var pixels = FigureGenerator.Draw(512, 512, 89, EyesX, EyesY, (249, 249, 247), 7);
            return (pixels, 512, 512, $"DRAWN FIGURES (astronaut.png unavailable: {e.Message}); the fixer refuses them (eyes not found), so only the timing counts");
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static string Fetch(string directory)
    {
        Run("apt-get", directory, "download", "python3-skimage");
        var deb = Directory.GetFiles(directory, "python3-skimage_*.deb").Single();
        var unpacked = Path.Combine(directory, "unpacked");
        Run("dpkg", directory, "-x", deb, unpacked);
        return Path.Combine(unpacked, InPackage);
    }

    private static void Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {error.Result.Trim()}");
        }
    }

    private static (byte[] Pixels, int Width, int Height) ReadPpm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]) || file[position] == '#')
            {
                if (file[position] == '#')
                {
                    while (file[position] != '\n')
                    {
                        position++;
                    }
                }

                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(file, start, position - start);
        }

        if (Token() != "P6")
        {
            throw new InvalidOperationException("not a binary PPM");
        }

        var w = int.Parse(Token());
        var h = int.Parse(Token());
        if (Token() != "255")
        {
            throw new InvalidOperationException("not an 8-bit PPM");
        }

        return (file.AsSpan(position + 1, w * h * 3).ToArray(), w, h);
    }

    /// <summary>Flood fill from the top and the upper sides through light, nearly grey pixels: the backdrop becomes white.</summary>
    private static void WhitenBackdrop(byte[] pixels, int w, int h)
    {
        var original = (byte[])pixels.Clone();
        var seen = new bool[w * h];
        var stack = new Stack<int>();
        void Seed(int x, int y)
        {
            if (x < 0 || y < 0 || x >= w || y >= h || seen[(y * w) + x])
            {
                return;
            }

            seen[(y * w) + x] = true;
            var i = ((y * w) + x) * 3;
            int r = original[i], g = original[i + 1], b = original[i + 2];
            if ((0.299 * r) + (0.587 * g) + (0.114 * b) >= 135 && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) <= 32)
            {
                stack.Push((y * w) + x);
            }
        }

        for (var x = 0; x < w; x++)
        {
            Seed(x, 0);
        }

        for (var y = 0; y < h * 2 / 3; y++)
        {
            Seed(0, y);
            Seed(w - 1, y);
        }

        while (stack.Count > 0)
        {
            var p = stack.Pop();
            (pixels[p * 3], pixels[(p * 3) + 1], pixels[(p * 3) + 2]) = (249, 249, 247);
            int x = p % w, y = p / w;
            Seed(x - 1, y);
            Seed(x + 1, y);
            Seed(x, y - 1);
            Seed(x, y + 1);
        }
    }

    /// <summary>The square picture enlarged <paramref name="k"/> times, bilinear.</summary>
    private static (byte[] Pixels, int Size) Enlarge(byte[] picture, int w, int h, double k)
    {
        var size = (int)(w * k);
        var result = new byte[size * size * 3];
        Parallel.For(0, size, y =>
        {
            var sy = Math.Clamp(((y + 0.5) / k) - 0.5, 0, h - 1);
            var y0 = Math.Min((int)sy, h - 2);
            var fy = sy - y0;
            for (var x = 0; x < size; x++)
            {
                var sx = Math.Clamp(((x + 0.5) / k) - 0.5, 0, w - 1);
                var x0 = Math.Min((int)sx, w - 2);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    double P(int px, int py) => picture[(((py * w) + px) * 3) + c];
                    var top = ((1 - fx) * P(x0, y0)) + (fx * P(x0 + 1, y0));
                    var bottom = ((1 - fx) * P(x0, y0 + 1)) + (fx * P(x0 + 1, y0 + 1));
                    result[(((y * size) + x) * 3) + c] = (byte)Math.Round(((1 - fy) * top) + (fy * bottom));
                }
            }
        });
        return (result, size);
    }

    /// <summary>A white canvas with the picture's top-left corner at (<paramref name="left"/>, <paramref name="top"/>), clipped.</summary>
    private static void Place(byte[] canvas, byte[] picture, int size, int left, int top)
    {
        for (var i = 0; i < canvas.Length; i += 3)
        {
            (canvas[i], canvas[i + 1], canvas[i + 2]) = (249, 249, 247);
        }

        int x0 = Math.Max(0, left), x1 = Math.Min(Width, left + size);
        for (var y = Math.Max(0, top); y < Math.Min(Height, top + size); y++)
        {
            picture.AsSpan((((y - top) * size) + (x0 - left)) * 3, (x1 - x0) * 3).CopyTo(canvas.AsSpan(((y * Width) + x0) * 3));
        }
    }
}
