using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;

namespace SocialCard.Core.Tests.Photos.Fixing;

/// <summary>What the fixer refuses, and that it says why in Chinese (a result value, never an exception).</summary>
public class PhotoFixerRefusalTests
{
    private static PhotoFixer Fixer => PhotoFixerTests.SharedFixer.Value;

    [Fact]
    public void A_face_too_small_to_enlarge_is_refused()
    {
        // Face ≈ 107 px: 217 px would need 2× enlargement (the limit is 1.8×, faces from about 121 px).
        var original = CameraOriginals.Jpeg(CameraOriginals.Render(600, 800, 1.2, 300, 330));

        var result = AssertRefused(original, PhotoFixProblem.FaceTooSmall);

        Assert.Contains("超过允许的1.8倍", result.Refusal);
        Assert.Contains("脸宽至少约121像素", result.Refusal);
    }

    [Fact]
    public void A_grey_background_is_refused()
    {
        // The astronaut as photographed, in front of her mottled grey backdrop, on a grey canvas.
        var grey = new Rgb(196, 190, 186);
        var original = CameraOriginals.Jpeg(CameraOriginals.Render(1500, 2000, 2.8, 750, 800, Astronaut.Image, grey));

        var result = AssertRefused(original, PhotoFixProblem.Background);

        Assert.Contains("背景不够白", result.Refusal);
        Assert.Contains("请在纯白色背景前重新拍摄", result.Refusal);
        Assert.NotNull(result.Framing); // the framing was chosen; its background failed
    }

    [Fact]
    public void A_drawn_figure_without_a_face_is_refused_with_the_no_face_reason()
    {
        var original = CameraOriginals.Jpeg(FacelessFigure(1200, 1600));

        var result = AssertRefused(original, PhotoFixProblem.NoFace);

        Assert.Equal("无法自动修正：" + PhotoMessages.NoFace, result.Refusal);
        Assert.StartsWith("无法自动修正：照片中未找到人脸", result.Refusal);
    }

    [Fact]
    public void A_drawn_face_whose_cartoon_eyes_are_not_found_is_refused()
    {
        // The drawn test portrait at twice the size: its face is found, its flat cartoon eyes are not.
        var original = DrawnFigures.Jpeg(new DrawnFigureOptions { Width = 716, Height = 882 }, quality: 90);

        var result = AssertRefused(original, PhotoFixProblem.EyesNotFound);

        Assert.Contains("未能准确找到双眼", result.Refusal);
    }

    [Fact]
    public void Two_people_are_refused()
    {
        var half = CameraOriginals.Render(1000, 1400, 2.4, 500, 600);
        var pixels = new byte[2000 * 1400 * 3];
        for (var y = 0; y < 1400; y++)
        {
            Array.Copy(half.Pixels, y * 1000 * 3, pixels, y * 2000 * 3, 1000 * 3);
            Array.Copy(half.Pixels, y * 1000 * 3, pixels, ((y * 2000) + 1000) * 3, 1000 * 3);
        }

        var result = AssertRefused(CameraOriginals.Jpeg(new RgbImage(pixels, 2000, 1400)), PhotoFixProblem.ManyFaces);

        Assert.Contains("找到2张人脸", result.Refusal);
    }

    [Fact]
    public void A_head_at_the_bottom_edge_is_refused_when_the_edge_is_not_white()
    {
        // Eyes 200 px above the bottom, where the suit is: even the largest face allowed leaves the eye line short.
        var original = CameraOriginals.Jpeg(CameraOriginals.Render(1500, 2000, 2.8, 750, 1800));

        var result = AssertRefused(original, PhotoFixProblem.AtEdge);

        Assert.Contains("人像离照片下边缘太近", result.Refusal);
        Assert.Contains("不能补白", result.Refusal);
    }

    [Fact]
    public void Grayscale_and_cmyk_originals_are_refused()
    {
        var options = new DrawnFigureOptions { Width = 716, Height = 882 };

        Assert.Contains("灰度", AssertRefused(DrawnFigures.GrayJpeg(options), PhotoFixProblem.NotColor).Refusal);
        Assert.Contains("印刷色彩模式", AssertRefused(DrawnFigures.CmykJpeg(options), PhotoFixProblem.NotColor).Refusal);
    }

    [Fact]
    public void Unreadable_files_are_refused_with_the_inspectors_reason()
    {
        var camera = CameraOriginals.Jpeg(CameraOriginals.Render(900, 1200, 1.8, 450, 500));

        Assert.Contains("不是JPEG", AssertRefused(TestImages.RandomBytes(5000, 7), PhotoFixProblem.Unreadable).Refusal);
        Assert.Contains("PNG", AssertRefused(TestImages.Png(), PhotoFixProblem.Unreadable).Refusal);
        Assert.Contains("空的", AssertRefused([], PhotoFixProblem.Unreadable).Refusal);
        Assert.Contains("不完整", AssertRefused(camera.AsSpan(0, camera.Length / 2).ToArray(), PhotoFixProblem.Unreadable).Refusal);
        Assert.Contains("超过系统可处理", AssertRefused(TestImages.HugeJpegHeader(), PhotoFixProblem.Unreadable).Refusal);
    }

    /// <summary>A head-and-shoulders silhouette: hair, a blank skin oval, neck and dark clothes, no features.</summary>
    internal static RgbImage FacelessFigure(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        var random = new Random(3);
        double cx = width / 2.0, cy = height * 0.4, r = width * 0.16;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (red, green, blue) =
                    Inside(x, y, cx, cy + (0.15 * r), 0.85 * r, 1.1 * r) ? (226, 184, 152)
                    : Inside(x, y, cx, cy, 1.05 * r, 1.25 * r) ? (40, 30, 25)
                    : Math.Abs(x - cx) < 0.4 * r && y > cy ? (210, 165, 135)
                    : Inside(x, y, cx, cy + (3.4 * r), 2.6 * r, 1.9 * r) ? (30, 38, 70)
                    : (249, 249, 247);
                var noise = random.Next(-2, 3);
                var i = ((y * width) + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(red + noise), (byte)(green + noise), (byte)(blue + noise));
            }
        }

        return new RgbImage(pixels, width, height);

        static bool Inside(double x, double y, double cx, double cy, double rx, double ry) =>
            Math.Pow((x - cx) / rx, 2) + Math.Pow((y - cy) / ry, 2) <= 1;
    }

    private static PhotoFixResult AssertRefused(byte[] original, PhotoFixProblem problem)
    {
        var copy = original.ToArray();

        var result = Fixer.Fix(original);

        Assert.Equal(copy, original);
        Assert.False(result.Fixed);
        Assert.Equal(problem, result.Problem);
        Assert.Null(result.Bytes);
        Assert.NotNull(result.Refusal);
        Assert.StartsWith("无法自动修正：", result.Refusal);
        return result;
    }
}
