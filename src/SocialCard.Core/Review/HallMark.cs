namespace SocialCard.Core.Review;

/// <summary>What the hall asks of a person after reviewing the batch (docs/DOMAIN.md §3 step 4).</summary>
public enum HallMark
{
    None = 0,

    /// <summary>The person must come to the hall with their ID card to have a photo taken on site.</summary>
    OnSitePhoto = 1,

    /// <summary>The person's data must be corrected (they sign a statement of the correct values).</summary>
    Correction = 2,
}

public static class HallMarkText
{
    public static string ToChinese(this HallMark mark) => mark switch
    {
        HallMark.None => "无",
        HallMark.OnSitePhoto => "现场拍照",
        HallMark.Correction => "信息更正",
        _ => mark.ToString(),
    };
}
