using SocialCard.Core.Validation;
using static SocialCard.Core.Photos.PhotoMessages;

namespace SocialCard.Core.Photos.Fixing;

/// <summary>The clerk-facing texts of the fixer's refusals: what stops the automatic fix, and what to do instead.</summary>
internal static class PhotoFixMessages
{
    private const string Prefix = "无法自动修正：";

    public static string Refused(string reason) => Prefix + reason;

    public static string EyesNotFound =>
        Prefix + "照片中找到了人脸，但未能准确找到双眼，无法确定裁剪位置：请上传正面、双眼睁开、五官清晰的照片（不戴有色眼镜），或手工裁剪";

    public static string FaceTooSmall(double faceWidth, double target, double maxUpscale) =>
        Prefix + $"照片中的脸部只有约{N(faceWidth)}像素宽，放大到{N(target)}像素需要{N(target / faceWidth)}倍，超过允许的{N(maxUpscale)}倍（放大后会模糊）：" +
        $"请上传人像更大或分辨率更高的原始照片（脸宽至少约{N(Math.Ceiling(target / maxUpscale))}像素）";

    public static string AtEdge(ImageEdges edges) =>
        Prefix + $"人像离照片{EdgeNames(edges)}太近，按标准裁剪需要超出原照片的部分，而该处背景不是白色，不能补白：" +
        "请重新拍摄或扫描，人像上方和两侧多留出白色背景，并拍到双肩";

    public static string FileTooLarge(int quality, int bytes, PhotoSpec spec) =>
        Prefix + $"按最低质量{quality}压缩后照片仍有{N(bytes / 1024.0)}KB，超过上限{N(spec.MaxBytes / 1024.0)}KB（照片细节或噪点过多）：请在光线充足处重新拍摄";

    public static string FileTooSmall(int quality, int bytes, PhotoSpec spec) =>
        Prefix + $"按最高质量{quality}压缩后照片也只有{N(bytes / 1024.0)}KB，低于下限{N(spec.MinBytes / 1024.0)}KB（照片过于模糊或平淡）：请重新拍摄清晰的照片";

    public static string FileSizeRange(int quality, int bytes, PhotoSpec spec) =>
        Prefix + $"没有一个压缩质量能使照片大小落在{N(spec.MinBytes / 1024.0)}–{N(spec.MaxBytes / 1024.0)}KB之间（质量{quality}时为{N(bytes / 1024.0)}KB）：请检查照片大小的设置";

    public static string Findings(IEnumerable<Finding> findings) =>
        Prefix + string.Join("；", findings.Select(f => f.Message));

    public static string StillFailing(IEnumerable<Finding> errors) =>
        "自动修正后的照片仍不合格：" + string.Join("；", errors.Select(f => f.Message));

    private static string EdgeNames(ImageEdges edges)
    {
        var names = new List<string>(4);
        if (edges.HasFlag(ImageEdges.Top))
        {
            names.Add("上边缘");
        }

        if (edges.HasFlag(ImageEdges.Bottom))
        {
            names.Add("下边缘");
        }

        if (edges.HasFlag(ImageEdges.Left))
        {
            names.Add("左边缘");
        }

        if (edges.HasFlag(ImageEdges.Right))
        {
            names.Add("右边缘");
        }

        return string.Join("和", names);
    }
}
