using SocialCard.Core.Photos;
using SocialCard.Core.Validation;

namespace SocialCard.Web.Photos;

/// <summary>What the review partial (_PhotoReview) shows for one photo.</summary>
public sealed record PhotoReviewModel(string ImageUrl, string PersonName, bool IsPortrait, IReadOnlyList<Measurement> Measurements, IReadOnlyList<Finding> Findings, string? OverrideReason)
{
    public static PhotoReviewModel From(PersonPhoto photo, string imageUrl, string personName) =>
        new(imageUrl, personName, photo.Kind == PhotoKind.Portrait, photo.Measurements, photo.Findings, photo.OverrideReason);

    public static string Label(string measure) => measure switch
    {
        PhotoMeasures.FileSize => "文件大小",
        PhotoMeasures.Width => "宽度",
        PhotoMeasures.Height => "高度",
        PhotoMeasures.Dpi => "分辨率",
        PhotoMeasures.DpiVertical => "垂直分辨率",
        PhotoMeasures.Quality => "压缩质量（估计）",
        PhotoMeasures.BackgroundBrightness => "背景亮度",
        PhotoMeasures.BackgroundCast => "背景偏色",
        PhotoMeasures.BackgroundSpread => "背景不均匀度",
        PhotoMeasures.BorderStep => "边框突变",
        PhotoMeasures.Colorfulness => "色彩饱和度",
        PhotoMeasures.Brightness => "亮度",
        PhotoMeasures.Contrast => "对比度",
        PhotoMeasures.Sharpness => "清晰度",
        PhotoMeasures.ToneRichness => "层次丰富度",
        PhotoMeasures.FaceWidth => "脸宽",
        PhotoMeasures.HeadTop => "头顶距上边",
        PhotoMeasures.EyesX => "两眼中点距左边",
        PhotoMeasures.EyeLine => "眼线距下边",
        _ => measure,
    };
}
