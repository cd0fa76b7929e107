using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SocialCard.Core.Photos;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>An RGB image in memory: 3 bytes per pixel, rows top-down.</summary>
internal sealed record RgbImage(byte[] Pixels, int Width, int Height)
{
    public RgbImageView View => new(Pixels, Width, Height);
}

/// <summary>
/// A real photograph for the face tests: scikit-image's <c>astronaut.png</c> (Eileen Collins, NASA, public domain;
/// 512 × 512, frontal), shipped by Debian's python3-skimage. No image is committed: the file is used where the
/// package is installed, otherwise the package is fetched with <c>apt-get download</c> and unpacked with
/// <c>dpkg -x</c> into a temporary directory, converted to binary PPM with ImageMagick's <c>convert</c>, read into
/// memory, and the directory deleted. A machine without them fails the tests with the command to run.
/// </summary>
internal static class Astronaut
{
    // Hand-measured on the 512 × 512 original (zoomed crops, luma values), continuous coordinates: pixel (i, j)
    // covers [i, i + 1) × [j, j + 1). Eyes: the centre of the dark iris (image left: columns 200–205, rows 97–103,
    // catch-light at (202, 100); image right: columns 244–249, rows 100–105, catch-light at (245, 103)).
    public static readonly PixelPoint LeftEye = new(203.0, 100.5);
    public static readonly PixelPoint RightEye = new(247.0, 103.0);

    /// <summary>The first row of hair above the parting (row 15, light hair on the grey backdrop).</summary>
    public const double HairTop = 15.5;

    /// <summary>Cheek to cheek at ear level, rows 112–125: the left cheek's contour at x ≈ 181 (the ear lies
    /// outside it), the right cheek meeting the hair at x ≈ 270. ± 3 px: both contours are soft.</summary>
    public const double FaceWidth = 89;

    private const string Installed = "/usr/lib/python3/dist-packages/skimage/data/astronaut.png";
    private const string InPackage = "usr/lib/python3/dist-packages/skimage/data/astronaut.png";

    private static readonly Lazy<RgbImage> Loaded = new(Load);

    public static RgbImage Image => Loaded.Value;

    public static PixelPoint EyeMidpoint => new((LeftEye.X + RightEye.X) / 2, (LeftEye.Y + RightEye.Y) / 2);

    private static RgbImage Load()
    {
        var temp = Directory.CreateTempSubdirectory("socialcard-astronaut-");
        try
        {
            // apt-get hands downloads to the unprivileged _apt user: let it into the directory.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp.FullName, (UnixFileMode)0b111_101_101);
            }
            var png = File.Exists(Installed) ? Installed : Fetch(temp.FullName);
            var ppm = Path.Combine(temp.FullName, "astronaut.ppm");
            Run("convert", temp.FullName, "ImageMagick is needed to read the PNG: apt-get install imagemagick", png, ppm);
            return Ppm.Read(File.ReadAllBytes(ppm));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static string Fetch(string directory)
    {
        const string hint = "needs a reachable Debian mirror and package lists (apt-get update); or apt-get install python3-skimage";
        Run("apt-get", directory, "apt-get download python3-skimage failed: " + hint, "download", "python3-skimage");
        var deb = Directory.GetFiles(directory, "python3-skimage_*.deb").Single();
        var unpacked = Path.Combine(directory, "unpacked");
        Run("dpkg", directory, "dpkg -x failed", "-x", deb, unpacked);
        var png = Path.Combine(unpacked, InPackage);
        return File.Exists(png) ? png : throw new FileNotFoundException($"{InPackage} is not in {Path.GetFileName(deb)}");
    }

    private static void Run(string program, string directory, string hint, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start: {hint}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} not found ({e.Message}): {hint}", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({error.Result.Trim()}): {hint}");
            }
        }
    }
}

/// <summary>Binary PPM (P6, 8 bits), the simplest RGB file ImageMagick writes; comments are skipped.</summary>
internal static class Ppm
{
    public static RgbImage Read(byte[] file)
    {
        var position = 0;
        if (Token(file, ref position) != "P6")
        {
            throw new InvalidDataException("not a binary PPM (P6)");
        }

        var width = int.Parse(Token(file, ref position));
        var height = int.Parse(Token(file, ref position));
        if (Token(file, ref position) != "255")
        {
            throw new InvalidDataException("only 8-bit PPM is read");
        }

        position++; // the single whitespace after the maximum value
        return new RgbImage(file.AsSpan(position, width * height * 3).ToArray(), width, height);
    }

    private static string Token(byte[] file, ref int position)
    {
        while (true)
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            if (file[position] != (byte)'#')
            {
                break;
            }

            while (file[position] != (byte)'\n')
            {
                position++;
            }
        }

        var start = position;
        while (!char.IsWhiteSpace((char)file[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(file, start, position - start);
    }
}
