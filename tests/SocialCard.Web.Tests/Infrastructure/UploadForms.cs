namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Posts a file through one of the batch page's upload forms, with the token that form rendered.</summary>
public static class UploadForms
{
    /// <param name="handler">The form's page handler: <c>Upload</c> (roster) or <c>UploadPhotos</c>.</param>
    public static async Task<HttpResponseMessage> PostAsync(PortalClient clerk, int batchId, string handler, string field, string fileName, HttpContent file)
    {
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var form = page.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.EndsWith("handler=" + handler, StringComparison.Ordinal));
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { file, field, fileName },
        };
        return await clerk.Http.PostAsync(form.GetAttribute("action"), body);
    }
}
