using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Core.Common;
using SocialCard.Data;
using SocialCard.Web.Admin;

namespace SocialCard.Web.Pages.Account;

public sealed class ChangePasswordModel(SignInManager<AppUser> signIn, AccountWrites writes) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = "";

    [BindProperty]
    public string New { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var changed = await writes.ChangePasswordAsync(User, Current, New, Confirm);
        if (changed.Kind == ResultKind.NotFound)
        {
            return Challenge();
        }

        if (changed.Value is not { } user)
        {
            Errors.AddRange(changed.AllMessages);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "密码已修改。";
        return Redirect("/");
    }
}
