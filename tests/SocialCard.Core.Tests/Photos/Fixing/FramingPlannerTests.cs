using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;

namespace SocialCard.Core.Tests.Photos.Fixing;

/// <summary>The planner's arithmetic on faces given by numbers (file pixels of a 3000 × 4000 original).</summary>
public class FramingPlannerTests
{
    private static readonly FramingPlanner Planner = new(PhotoSpec.Default);

    // A face 434 px wide, head (hair included) 520 px wide and centred, hair 380 px above the eyes.
    private static readonly SourceFace Face = new(new PixelPoint(1500, 1600), 434, 1220, 1240, 1760);

    [Fact]
    public void The_target_framing_puts_the_face_at_217_px_and_the_eyes_at_179()
    {
        var plan = Planner.Plan(Face, 3000, 4000, ImageEdges.None, out var blocking)!;

        Assert.Equal(ImageEdges.None, blocking);
        Assert.Equal(ImageEdges.None, plan.Padded);
        Assert.Equal(0.5, plan.Scale, 6);
        Assert.Equal(179, plan.EyesX, 6);

        // Hair 380 px above the eyes is 190 output px: eyes at 14 + 190 = 204 from the top (eye line 237).
        Assert.Equal(204, plan.EyesY, 6);
        Assert.Equal(new CropRect(1500 - 358, 1600 - 408, 716, 882), plan.Crop);
    }

    [Fact]
    public void Without_a_known_hair_top_the_eye_line_is_220()
    {
        var plan = Planner.Plan(Face with { HairTop = null }, 3000, 4000, ImageEdges.None, out _)!;

        Assert.Equal(441 - 220, plan.EyesY, 6);
    }

    [Fact]
    public void Wide_hair_lowers_the_scale_to_keep_it_out_of_the_side_bands()
    {
        // Head 700 px wide: at 0.5 it would be 350 of 358 px. Between the bands (18 px each side) 322 px are free.
        var wide = Face with { HeadLeft = 1150, HeadRight = 1850 };

        var plan = Planner.Plan(wide, 3000, 4000, ImageEdges.None, out _)!;

        Assert.Equal(322.0 / 700, plan.Scale, 6);

        // Never below the smallest comfortable face width (179 + 10).
        var wider = Face with { HeadLeft = 1000, HeadRight = 2000 };
        Assert.Equal(189.0 / 434, Planner.Plan(wider, 3000, 4000, ImageEdges.None, out _)!.Scale, 6);
    }

    [Fact]
    public void Lopsided_hair_moves_the_eyes_within_their_range()
    {
        // Hair reaching far to the right: the eyes go left of 179, but not beyond 162 + 6.
        var lopsided = Face with { HeadLeft = 1310, HeadRight = 1830 };

        var plan = Planner.Plan(lopsided, 3000, 4000, ImageEdges.None, out _)!;

        Assert.InRange(plan.EyesX, 168, 178);
        Assert.Equal(260, plan.Scale * 520, 6);
        Assert.True(plan.EyesX + ((1830 - 1500) * plan.Scale) <= 358 - 18 + 1e-9);
    }

    [Fact]
    public void A_crop_beyond_a_white_edge_is_padded()
    {
        // Eyes 300 px from the left edge: the target crop starts 58 px left of the original.
        var nearLeft = Face with { Eyes = new PixelPoint(300, 1600), HeadLeft = 40, HeadRight = 560 };

        var plan = Planner.Plan(nearLeft, 3000, 4000, ImageEdges.Left, out _)!;

        Assert.Equal(ImageEdges.Left, plan.Padded);
        Assert.Equal(-58, plan.Crop.X, 6);
        Assert.Equal(179, plan.EyesX, 6);
    }

    [Fact]
    public void A_crop_beyond_an_edge_that_is_not_white_moves_the_eyes_or_enlarges_the_face()
    {
        var nearLeft = Face with { Eyes = new PixelPoint(300, 1600), HeadLeft = 40, HeadRight = 560 };

        var plan = Planner.Plan(nearLeft, 3000, 4000, ImageEdges.None, out _)!;

        Assert.Equal(ImageEdges.None, plan.Padded);
        Assert.True(plan.Crop.X >= -0.01, plan.ToString());
        Assert.InRange(plan.EyesX, 168, 190);
        Assert.InRange(434 * plan.Scale, 189, 245);
    }

    [Fact]
    public void No_framing_fits_when_the_eye_line_cannot_be_reached_above_the_bottom()
    {
        // Eyes 300 px above the bottom of a 3000 × 4000 photo, face 434 px: the largest face allowed (245 px)
        // gives an eye line of 300 · 245 / 434 = 169 px, short of 213.
        var low = Face with { Eyes = new PixelPoint(1500, 3700) };

        Assert.Null(Planner.Plan(low, 3000, 4000, ImageEdges.Left | ImageEdges.Right | ImageEdges.Top, out var blocking));
        Assert.Equal(ImageEdges.Bottom, blocking);

        // With a white bottom edge (a photo of a bust on white paper), it is padded instead.
        var padded = Planner.Plan(low, 3000, 4000, ImageEdges.All, out _)!;
        Assert.Equal(ImageEdges.Bottom, padded.Padded);
    }

    [Fact]
    public void Outside_names_the_edges_a_crop_crosses()
    {
        Assert.Equal(ImageEdges.None, FramingPlanner.Outside(new CropRect(0, 0, 100, 100), 100, 100));
        Assert.Equal(ImageEdges.Left | ImageEdges.Bottom, FramingPlanner.Outside(new CropRect(-1, 0, 100, 101), 100, 100));
        Assert.Equal(ImageEdges.All, FramingPlanner.Outside(new CropRect(-1, -1, 102, 102), 100, 100));
    }
}
