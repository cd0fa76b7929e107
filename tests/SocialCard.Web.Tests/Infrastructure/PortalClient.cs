using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client over HTTP: keeps cookies, reads pages with AngleSharp and submits their
/// forms with the antiforgery token the page rendered, as a person's browser would.
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static PortalClient Create(PortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<PortalClient> SignedInAsync(PortalFactory factory, string userName, string password = TestData.Password)
    {
        var client = Create(factory);
        var response = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the login form; a redirect means signed in.</summary>
    public Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        SubmitAsync("/Account/Login", "form", new() { ["UserName"] = userName, ["Password"] = password });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    public async Task<IHtmlDocument> GetOkPageAsync(string url)
    {
        var (response, document) = await GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return document;
    }

    /// <summary>GETs <paramref name="url"/>, fills the form chosen by <paramref name="formSelector"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, Dictionary<string, string> values)
    {
        var document = await GetOkPageAsync(url);
        return await SubmitAsync(document, url, formSelector, values);
    }

    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument document, string pageUrl, string formSelector, Dictionary<string, string> values)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts to a URL with a valid antiforgery token taken from <paramref name="tokenPage"/>, as a forged or replayed request would.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string tokenPage, string url, Dictionary<string, string> values)
    {
        var document = await GetOkPageAsync(tokenPage);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}");
        var fields = new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Http.Dispose();
}
