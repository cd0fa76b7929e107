using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Photos.Faces.HaarCascadeTests;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>
/// Face geometry on the astronaut photograph and on framings of it whose landmarks are known from the
/// hand-measured originals: each limit of docs/DOMAIN.md §6 is crossed by a known amount.
/// </summary>
public class FaceGeometryTests
{
    private const double EyeTolerance = 6;
    private const double HeadTopTolerance = 3;

    // The face width is an estimate from skin colour (docs/PHOTOS.md); it reads about 3 % under the hand measure here.
    private const double FaceWidthTolerance = 0.06;

    private static readonly FaceGeometry Geometry = SystemCascades.Geometry;

    [Fact]
    public void Eyes_are_found_within_6_px_of_the_hand_measurement_on_the_original()
    {
        var face = Geometry.Analyze(Astronaut.Image.View, minFaceFraction: 0.15).Landmarks;

        Assert.NotNull(face);
        Assert.True(face.EyesFound);
        AssertNear(Astronaut.LeftEye, face.LeftEye, EyeTolerance);
        AssertNear(Astronaut.RightEye, face.RightEye, EyeTolerance);
        Assert.InRange(face.FaceWidth, Astronaut.FaceWidth * (1 - FaceWidthTolerance), Astronaut.FaceWidth * (1 + FaceWidthTolerance));
        Assert.InRange(face.HeadTop, Astronaut.HairTop - HeadTopTolerance, Astronaut.HairTop + HeadTopTolerance);
    }

    [Theory]
    [InlineData(2.4, 179, 221)] // conforming
    [InlineData(2.15, 179, 200)]
    [InlineData(1.8, 170, 210)]
    [InlineData(2.0, 150, 180)]
    [InlineData(2.8, 195, 235)]
    [InlineData(2.6, 210, 260)]
    public void The_geometry_follows_the_framing(double scale, double eyesX, double eyesY)
    {
        var framing = new Framing(scale, eyesX, eyesY);

        var face = Geometry.Analyze(framing.Render().View).Landmarks;

        Assert.NotNull(face);
        Assert.True(face.EyesFound);
        AssertNear(framing.LeftEye, face.LeftEye, EyeTolerance);
        AssertNear(framing.RightEye, face.RightEye, EyeTolerance);
        Assert.InRange(face.EyeMidpoint.X, eyesX - EyeTolerance, eyesX + EyeTolerance);
        Assert.InRange(441 - face.EyeMidpoint.Y, framing.EyeLine - EyeTolerance, framing.EyeLine + EyeTolerance);
        Assert.InRange(face.FaceWidth, framing.FaceWidth * (1 - FaceWidthTolerance), framing.FaceWidth * (1 + FaceWidthTolerance));
        Assert.InRange(face.HeadTop, Math.Max(0, framing.HeadTop) - HeadTopTolerance, Math.Max(0, framing.HeadTop) + HeadTopTolerance);
    }

    [Fact]
    public void A_conforming_framing_passes_with_every_measurement_inside_its_limits()
    {
        var framing = Framing.Conforming;

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        Assert.Empty(result.Findings);
        Assert.Equal([PhotoMeasures.FaceWidth, PhotoMeasures.HeadTop, PhotoMeasures.EyesX, PhotoMeasures.EyeLine], result.Measurements.Select(m => m.Name));
        Assert.All(result.Measurements, m => Assert.True(m.IsWithinLimits && !m.NearLimit, m.ToString()));
        Assert.Equal("179–255", Limits(result, PhotoMeasures.FaceWidth));
        Assert.Equal("7–21", Limits(result, PhotoMeasures.HeadTop));
        Assert.Equal("162–196", Limits(result, PhotoMeasures.EyesX));
        Assert.Equal("207–", Limits(result, PhotoMeasures.EyeLine));
        AssertValue(result, PhotoMeasures.EyesX, 179, EyeTolerance);
        AssertValue(result, PhotoMeasures.EyeLine, 220, EyeTolerance);
        AssertValue(result, PhotoMeasures.HeadTop, framing.HeadTop, HeadTopTolerance);

        // The face region for the exposure checks lies on the face, the head starts at the hair.
        var face = result.Face!.Value;
        Assert.InRange(face.X + (face.Width / 2.0), 179 - 12, 179 + 12);
        Assert.InRange(face.Y, 120, 221);
        Assert.Equal(result.Measurements[1].Value, (double)result.Head!.Value.Y);
    }

    [Fact]
    public void A_blank_photo_has_no_face()
    {
        var white = new RgbImage(Enumerable.Repeat((byte)248, 358 * 441 * 3).ToArray(), 358, 441);

        var result = Geometry.Measure(white.View, PhotoSpec.Default);

        var finding = Only(result, RuleCodes.PhotoNoFace, Severity.Error);
        Assert.StartsWith("照片中未找到人脸", finding.Message);
        Assert.Empty(result.Measurements);
        Assert.Null(result.Face);
    }

    [Theory]
    [InlineData(20, 20)]
    [InlineData(48, 60)]
    [InlineData(1000, 90)]
    [InlineData(90, 1000)]
    [InlineData(358, 441)]
    public void Odd_images_give_an_answer_not_an_exception(int width, int height)
    {
        var random = new Random(width * height);
        var noise = new byte[width * height * 3];
        random.NextBytes(noise);
        var view = new RgbImageView(noise, width, height);

        var result = Geometry.Measure(view, PhotoSpec.Default);

        Assert.Equal(RuleCodes.PhotoNoFace, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void A_face_cut_by_the_frame_edge_is_still_measured()
    {
        // The conforming face pushed left until its cheek (x 100 − 107) leaves the frame. Further out the cascade,
        // which needs the whole face in its window, finds none: PHOTO_NO_FACE.
        var framing = Framing.Conforming with { EyesX = 100 };

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        AssertValue(result, PhotoMeasures.EyesX, 100, EyeTolerance);
        AssertValue(result, PhotoMeasures.EyeLine, framing.EyeLine, EyeTolerance);
        Only(result, RuleCodes.PhotoEyesX, Severity.Error);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void Two_faces_side_by_side_are_many_faces()
    {
        var two = Framing.SideBySide(1.4);

        var analysis = Geometry.Analyze(two.View);
        var result = Geometry.Measure(two.View, PhotoSpec.Default);

        Assert.Equal(2, analysis.Faces.Count);
        Assert.True(analysis.Faces[0].Right <= 179 && analysis.Faces[1].X >= 179, string.Join(", ", analysis.Faces));
        Assert.Null(analysis.Landmarks);
        Assert.Equal("照片中找到2张人脸，应只有本人一人：请单独拍摄，画面中不要有其他人或人像", Only(result, RuleCodes.PhotoManyFaces, Severity.Error).Message);
        Assert.Empty(result.Measurements);
    }

    [Fact]
    public void A_face_too_narrow_is_reported_with_its_width()
    {
        // 89 × 1.9 = 169 px: 10 px under 179.
        var framing = new Framing(1.9, 179, 180);

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var finding = Only(result, RuleCodes.PhotoFaceWidth, Severity.Error);
        var width = AssertValue(result, PhotoMeasures.FaceWidth, framing.FaceWidth, framing.FaceWidth * FaceWidthTolerance);
        Assert.True(width < 179 - FaceGeometry.FaceWidthMargin);
        Assert.StartsWith($"脸部宽度{PhotoMessages.N(width)}像素，应为179–255像素：人像太小", finding.Message);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void A_face_too_wide_is_reported_and_the_hair_cut_off_is_only_a_warning()
    {
        // 89 × 3.1 = 276 px, 21 over 255; keeping the eye line leaves no room for the hair (head top 0).
        var framing = new Framing(3.1, 179, 225);

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var width = AssertValue(result, PhotoMeasures.FaceWidth, framing.FaceWidth, framing.FaceWidth * FaceWidthTolerance);
        Assert.True(width > 255 + FaceGeometry.FaceWidthMargin);
        Assert.Contains("人像太大", Only(result, RuleCodes.PhotoFaceWidth, Severity.Error).Message);
        Assert.Equal(0, AssertValue(result, PhotoMeasures.HeadTop, 0, 0));
        Assert.Contains("头顶太靠上或被裁掉", Only(result, RuleCodes.PhotoHeadTop, Severity.Warning).Message);
        FindingAssertions.None(result.Findings, RuleCodes.PhotoEyeLine);
    }

    [Fact]
    public void Too_much_room_above_the_head_is_a_warning()
    {
        // Head top 225 − 86.25 × 2.2 = 35: 14 rows more than 21.
        var framing = new Framing(2.2, 179, 225);

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var top = AssertValue(result, PhotoMeasures.HeadTop, framing.HeadTop, HeadTopTolerance);
        Assert.StartsWith($"头顶距照片上边缘{PhotoMessages.N(top)}像素，应为7–21像素：头顶上方空白太多", Only(result, RuleCodes.PhotoHeadTop, Severity.Warning).Message);
        Assert.Single(result.Findings);
        Assert.True(result.Findings.All(f => f.Severity == Severity.Warning));
    }

    [Fact]
    public void Hair_close_to_the_top_edge_is_a_warning()
    {
        // Head top 210 − 86.25 × 2.4 = 3: 4 rows less than 7.
        var framing = new Framing(2.4, 179, 210);

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var top = AssertValue(result, PhotoMeasures.HeadTop, framing.HeadTop, HeadTopTolerance);
        Assert.True(top < 7);
        Assert.Contains("头顶太靠上", Only(result, RuleCodes.PhotoHeadTop, Severity.Warning).Message);
        Assert.Single(result.Findings);
    }

    [Theory]
    [InlineData(150, "人像偏左")] // 12 px left of 162
    [InlineData(210, "人像偏右")] // 14 px right of 196
    public void Eyes_off_centre_are_reported(double eyesX, string side)
    {
        var framing = Framing.Conforming with { EyesX = eyesX };

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var x = AssertValue(result, PhotoMeasures.EyesX, eyesX, EyeTolerance);
        Assert.Equal(
            $"双眼中点距照片左边缘{PhotoMessages.N(x)}像素，应为162–196像素：{side}，请左右居中裁剪",
            Only(result, RuleCodes.PhotoEyesX, Severity.Error).Message);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void An_eye_line_too_low_is_reported()
    {
        // Eye line 441 − 250 = 191: 16 px less than 207 (and the head sits low: head top 60).
        var framing = new Framing(2.2, 179, 250);

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        var line = AssertValue(result, PhotoMeasures.EyeLine, framing.EyeLine, EyeTolerance);
        Assert.Equal(
            $"眼睛距照片下边缘{PhotoMessages.N(line)}像素，应不少于207像素：人像偏低，请裁剪时把人像上移（头顶可少留空白）",
            Only(result, RuleCodes.PhotoEyeLine, Severity.Error).Message);
        Assert.Contains("头顶上方空白太多", Only(result, RuleCodes.PhotoHeadTop, Severity.Warning).Message);
        FindingAssertions.None(result.Findings, RuleCodes.PhotoEyesX);
        FindingAssertions.None(result.Findings, RuleCodes.PhotoFaceWidth);
    }

    [Fact]
    public void A_value_close_to_a_limit_sends_the_photo_to_a_person()
    {
        // Eyes 2 px inside the left limit: within the 4 px margin, no finding.
        var framing = Framing.Conforming with { EyesX = 164 };

        var result = Geometry.Measure(framing.Render().View, PhotoSpec.Default);

        Assert.Empty(result.Findings);
        Assert.True(result.Measurements.Single(m => m.Name == PhotoMeasures.EyesX).NearLimit);
        Assert.False(result.Measurements.Single(m => m.Name == PhotoMeasures.EyeLine).NearLimit);
    }

    [Fact]
    public void A_drawn_portrait_without_findable_eyes_is_estimated_and_sent_for_review()
    {
        // The test figure's flat cartoon eyes are no eyes to the cascades: the face is found, the eyes estimated.
        var drawn = new RgbImage(DrawnFigures.Pixels(new DrawnFigureOptions()), 358, 441);

        var face = Geometry.Analyze(drawn.View).Landmarks;
        var result = Geometry.Measure(drawn.View, PhotoSpec.Default);

        Assert.NotNull(face);
        Assert.False(face.EyesFound);
        Assert.InRange(face.EyeMidpoint.X, 179 - 10, 179 + 10); // drawn at x 179, y 200
        Assert.InRange(face.EyeMidpoint.Y, 200 - 20, 200 + 10);
        Assert.InRange(face.HeadTop, 15 - 2, 15 + 2); // hair drawn from y 15
        Assert.InRange(face.FaceWidth, 195, 235); // face 200, ears to 232
        Assert.True(result.Measurements.Single(m => m.Name == PhotoMeasures.EyesX).NearLimit);
        Assert.True(result.Measurements.Single(m => m.Name == PhotoMeasures.EyeLine).NearLimit);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_large_original_decoded_at_reduced_scale_is_measured_in_file_pixels()
    {
        // The conforming framing at 4 × 358 × 441: decoded at 1/4, measured ×4, no limits until it is cropped and scaled.
        var big = new Framing(2.4 * 4, 179 * 4, 221 * 4, 358 * 4, 441 * 4);
        var inspector = new PhotoInspector(TestImages.Codec, PhotoSpec.Default with { MaxBytes = 2_000_000 }, Geometry);

        var result = inspector.Inspect(big.Jpeg(quality: 80));

        Assert.True(result.Has(RuleCodes.PhotoDimensions));
        Assert.False(result.Has(RuleCodes.PhotoNoFace));
        var eyesX = result.GetMeasurement(PhotoMeasures.EyesX)!;
        Assert.InRange(eyesX.Value, (179 - EyeTolerance) * 4, (179 + EyeTolerance) * 4);
        Assert.Null(eyesX.Min);
        Assert.InRange(result.GetMeasurement(PhotoMeasures.EyeLine)!.Value, (220 - EyeTolerance) * 4, (220 + EyeTolerance) * 4);
        Assert.InRange(result.GetMeasurement(PhotoMeasures.FaceWidth)!.Value, big.FaceWidth * (1 - FaceWidthTolerance), big.FaceWidth * (1 + FaceWidthTolerance));
        Assert.InRange(result.GetMeasurement(PhotoMeasures.HeadTop)!.Value, (14 - HeadTopTolerance) * 4, (14 + HeadTopTolerance) * 4);
        Assert.All(result.Measurements.Where(m => m.Name is PhotoMeasures.FaceWidth or PhotoMeasures.HeadTop or PhotoMeasures.EyeLine), m => Assert.Null(m.Min));
    }

    [Fact]
    public void The_default_inspector_measures_the_geometry_of_a_photo_file()
    {
        var inspector = new PhotoInspector(new JpegCodec(), PhotoSpec.Default, new FaceGeometry(SystemCascades.Cascades));

        var result = inspector.Inspect(Framing.Conforming.Jpeg(quality: 70));

        Assert.True(result.IsReadable);
        foreach (var code in new[] { RuleCodes.PhotoNoFace, RuleCodes.PhotoManyFaces, RuleCodes.PhotoFaceWidth, RuleCodes.PhotoHeadTop, RuleCodes.PhotoEyesX, RuleCodes.PhotoEyeLine })
        {
            FindingAssertions.None(result.Findings, code);
        }

        Assert.InRange(result.GetMeasurement(PhotoMeasures.EyesX)!.Value, 179 - EyeTolerance, 179 + EyeTolerance);
        Assert.InRange(result.GetMeasurement(PhotoMeasures.EyeLine)!.Value, 220 - EyeTolerance, 220 + EyeTolerance);

        // The astronaut was photographed before a mottled grey backdrop, not white paper.
        Assert.Contains("背景不够白", FindingAssertions.Single(result.Findings, RuleCodes.PhotoBackground).Message);
    }

    [Fact]
    public void Geometry_is_thread_safe()
    {
        var images = new[] { Framing.Conforming, new Framing(1.9, 179, 180), new Framing(2.2, 150, 250) }.Select(f => f.Render()).ToArray();
        var expected = images.Select(i => Describe(Geometry.Measure(i.View, PhotoSpec.Default))).ToArray();

        var failures = 0;
        Parallel.For(0, 48, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (Describe(Geometry.Measure(images[i % images.Length].View, PhotoSpec.Default)) != expected[i % images.Length])
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);

        static string Describe(FaceGeometryResult r) =>
            string.Join("|", r.Measurements.Select(m => $"{m.Name}={m.Value}")) + string.Join("|", r.Findings.Select(f => f.Code)) + r.Face + r.Head;
    }

    private static double AssertValue(FaceGeometryResult result, string name, double expected, double tolerance)
    {
        var measurement = result.Measurements.SingleOrDefault(m => m.Name == name);
        Assert.NotNull(measurement);
        Assert.InRange(measurement.Value, expected - tolerance, expected + tolerance);
        return measurement.Value;
    }

    private static string Limits(FaceGeometryResult result, string name)
    {
        var measurement = result.Measurements.Single(m => m.Name == name);
        return $"{measurement.Min}–{measurement.Max}";
    }

    private static Finding Only(FaceGeometryResult result, string code, Severity severity)
    {
        var finding = FindingAssertions.Single(result.Findings, code);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(PhotoInspection.Field, finding.Field);
        return finding;
    }
}
