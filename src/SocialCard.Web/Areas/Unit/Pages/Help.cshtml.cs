using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Core.Photos;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Areas.Unit.Pages;

/// <summary>使用说明: the clerk's steps, the photo rules in plain words and what the colours mean (the photo figures are this deployment's).</summary>
public sealed class HelpModel(PhotoSettings photos) : PageModel
{
    public PhotoSpec Spec { get; } = PhotoSpec.Default;

    public int MinKilobytes => photos.MinKilobytes;

    public int MaxKilobytes => photos.MaxKilobytes;

    public void OnGet()
    {
    }
}
