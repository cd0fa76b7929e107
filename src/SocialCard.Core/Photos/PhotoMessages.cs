using System.Globalization;
using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Photos;

/// <summary>
/// The clerk-facing texts of the photo findings, in one place. Each states what was measured, what is required,
/// and what to do (docs/RULES.md, "Photos").
/// </summary>
internal static class PhotoMessages
{
    private const string Reexport = "请重新导出为JPEG格式后上传";

    public static string Empty => "照片文件是空的（0字节）：" + Reexport;

    public static string NotJpeg => "照片不是JPEG格式的图片，无法打开：" + Reexport;

    public static string OtherFormat(string format) =>
        $"照片实际是{format}格式，不是JPEG（只改扩展名不会转换格式）：请用图片软件另存为JPEG格式后上传";

    public static string Truncated(string detail) =>
        $"照片文件不完整，可能上传中断或只复制了一部分（{detail}）：" + Reexport;

    public static string Corrupt(string detail) => $"照片文件已损坏，无法打开（{detail}）：" + Reexport;

    public static string TooLarge(int width, int height, long maxPixels) =>
        $"照片像素尺寸为{width}×{height}，超过系统可处理的{N(maxPixels / 10000.0)}万像素：请先裁剪缩小后再上传";

    /// <summary>
    /// A photo smaller than the specification cannot be cropped up to it (enlarging makes it blurred): it must be taken
    /// again. A larger one can be cropped or scaled down.
    /// </summary>
    public static string Dimensions(int width, int height, PhotoSpec spec) =>
        width < spec.Width || height < spec.Height
            ? $"照片像素不足（当前{width}×{height}像素，应为{spec.Width}×{spec.Height}像素）：请用相机或手机重新拍摄，或使用原始大图，不要把小照片放大"
            : $"照片尺寸为{width}×{height}像素，应为{spec.Width}×{spec.Height}像素：请裁剪或缩小为{spec.Width}×{spec.Height}像素";

    /// <summary>A spec-sized photo stored turned or mirrored, shown upright only through its Exif orientation tag.</summary>
    public static string Turned(int orientation) =>
        $"照片的像素是{(orientation is 2 or 4 or 5 or 7 ? "镜像翻转" : "旋转")}存储的，只靠EXIF方向标记（{orientation}）才正着显示，制卡系统可能不识别该标记：请用“自动调整”转正，或在图片软件中旋转后另存为JPEG";

    public static string DpiMissing(bool hasJfif, PhotoSpec spec) =>
        $"照片没有记录分辨率（{(hasJfif ? "JFIF密度单位为0，只记录了宽高比" : "缺少JFIF信息")}），应为{spec.Dpi}dpi：请重新保存为{spec.Dpi}dpi";

    public static string Dpi(JfifDensity density, PhotoSpec spec)
    {
        var measured = density.X == density.Y
            ? $"照片分辨率为{Density(density.X, density)}"
            : $"照片水平分辨率为{Density(density.X, density)}、垂直分辨率为{Density(density.Y, density)}";
        return $"{measured}，应为{spec.Dpi}dpi：请重新保存为{spec.Dpi}dpi";
    }

    public static string Gray => "照片是灰度（黑白）图像，应为24位RGB彩色：请上传彩色照片";

    public static string Cmyk(JpegColorspace colorspace) =>
        $"照片是{(colorspace == JpegColorspace.Cmyk ? "CMYK" : "YCCK")}印刷色彩模式，应为24位RGB彩色：请在图片软件中转换为RGB模式后另存为JPEG";

    public static string BlackAndWhite(double colorfulness, PhotoSpec spec) =>
        $"照片看起来是黑白照片（色彩度为{N(colorfulness)}，应不低于{N(spec.MinColorfulness)}）：请上传彩色照片";

    public static string FileSize(long bytes, PhotoSpec spec) =>
        $"照片大小为{N(bytes / 1024.0)}KB，应为{N(spec.MinBytes / 1024.0)}–{N(spec.MaxBytes / 1024.0)}KB：" +
        (bytes < spec.MinBytes ? "请提高压缩质量后重新保存" : "请降低压缩质量后重新保存");

    public static string Quality(int quality, PhotoSpec spec) =>
        $"照片压缩质量估计为{quality}，要求为{spec.TargetQuality}（允许{spec.TargetQuality - spec.QualityTolerance}–{spec.TargetQuality + spec.QualityTolerance}）：建议按质量{spec.TargetQuality}重新保存";

    public static string Border(double step, PhotoSpec spec) =>
        $"四周有边框或深色边缘（边缘与背景亮度相差{N(step)}，应不超过{N(spec.MaxBorderStep)}）";

    public static string BackgroundDark(double brightness, PhotoSpec spec) =>
        $"背景不够白（亮度为{N(brightness)}，应不低于{N(spec.MinBackgroundBrightness)}）";

    public static string BackgroundCast(double cast, PhotoSpec spec) =>
        $"背景有颜色（偏色度为{N(cast)}，应不超过{N(spec.MaxBackgroundCast)}）";

    public static string BackgroundUneven(double spread, PhotoSpec spec) =>
        $"背景不均匀，可能有阴影或杂物（亮度标准差为{N(spread)}，应不超过{N(spec.MaxBackgroundSpread)}）";

    public static string Background(IEnumerable<string> problems) =>
        $"照片{string.Join("；", problems)}：请在纯白色背景前重新拍摄，照片不要加边框";

    public static string TooDark(double brightness, PhotoSpec spec) =>
        $"偏暗（中间区域平均亮度为{N(brightness)}，应为{N(spec.MinBrightness)}–{N(spec.MaxBrightness)}）";

    public static string TooBright(double brightness, PhotoSpec spec) =>
        $"偏亮（中间区域平均亮度为{N(brightness)}，应为{N(spec.MinBrightness)}–{N(spec.MaxBrightness)}）";

    public static string LowContrast(double contrast, PhotoSpec spec) =>
        $"对比度低（对比度为{N(contrast)}，应不低于{N(spec.MinContrast)}）";

    public static string Exposure(IEnumerable<string> problems) =>
        $"照片{string.Join("；", problems)}：建议在光线均匀处重新拍摄";

    public static string NotPhotograph(double richness, PhotoSpec spec) =>
        $"照片看起来像绘制或平涂的图像，不像真实拍摄的照片（层次丰富度为{N(richness)}%，应不低于{N(spec.MinToneRichness)}%）：规格要求人像清晰、层次丰富，请人工核对，必要时用相机或手机重新拍摄本人照片";

    public static string Blur(double sharpness, PhotoSpec spec) =>
        $"照片不够清晰（清晰度为{N(sharpness)}，应不低于{N(spec.MinSharpness)}）：建议对准焦点、保持相机稳定后重新拍摄";

    public static string NoFace =>
        "照片中未找到人脸：请上传本人正面免冠照片（正对镜头，五官清晰可见，不要侧脸、低头或遮挡）";

    public static string ManyFaces(int count) =>
        $"照片中找到{count}张人脸，应只有本人一人：请单独拍摄，画面中不要有其他人或人像";

    public static string FaceWidth(double width, PhotoSpec spec) =>
        $"脸部宽度{N(width)}像素，应为{spec.MinFaceWidth}–{spec.MaxFaceWidth}像素：" +
        (width < spec.MinFaceWidth ? "人像太小，请裁剪时少留边（或靠近拍摄）后缩放" : "人像太大，请裁剪时多留边（或离远拍摄）后缩放");

    public static string HeadTop(double rows, PhotoSpec spec) =>
        $"头顶距照片上边缘{N(rows)}像素，应为{spec.MinHeadTop}–{spec.MaxHeadTop}像素：" +
        (rows < spec.MinHeadTop ? "头顶太靠上或被裁掉" : "头顶上方空白太多") + "（眼睛位置优先，眼睛位置合格时可不调整）";

    public static string EyesX(double x, PhotoSpec spec) =>
        $"双眼中点距照片左边缘{N(x)}像素，应为{spec.MinEyesX}–{spec.MaxEyesX}像素：" +
        (x < spec.MinEyesX ? "人像偏左" : "人像偏右") + "，请左右居中裁剪";

    public static string EyeLine(double distance, PhotoSpec spec) =>
        $"眼睛距照片下边缘{N(distance)}像素，应不少于{spec.MinEyeLine}像素：人像偏低，请裁剪时把人像上移（头顶可少留空白）";

    /// <summary>Appended when the eyes were not found and their position was estimated from the face.</summary>
    public static string EyesEstimated => "（未能准确定位双眼，位置按脸部估计，请人工核对）";

    /// <summary>At most one decimal, invariant: "72", "350.5", "8.2".</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Density(int value, JfifDensity density) =>
        density.Unit == JfifDensityUnit.DotsPerCentimetre ? $"每厘米{value}点（约{N(value * 2.54)}dpi）" : $"{value}dpi";
}
