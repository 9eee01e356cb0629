using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// Each user's language: chosen through the API, refused by name when Vouch does not speak it; a page speaks the
/// user's language, else the browser's, else English, whatever the browser sends.
/// </summary>
public sealed class LanguagesApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PageAsync(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Quotes in a translation are written as character references ("&#x27;"); the browser shows them as quotes.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_user_chooses_a_language_and_goes_back_to_their_browsers()
    {
        using var client = await app.ClientForAsync(Roles.Seller);

        var before = await client.GetFromJsonAsync<LanguageResponse>("/api/v1/me/language", Ct);
        using var chosen = await client.PutAsJsonAsync("/api/v1/me/language", new { language = "DE" }, Ct);
        var after = await client.GetFromJsonAsync<LanguageResponse>("/api/v1/me/language", Ct);
        using var cleared = await client.PutAsJsonAsync("/api/v1/me/language", new { language = (string?)null }, Ct);

        Assert.Null(before!.Language);
        Assert.Equal(["en", "de", "es"], before.Available);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("de", (await chosen.Content.ReadFromJsonAsync<LanguageResponse>(Ct))!.Language);
        Assert.Equal("de", after!.Language);
        Assert.Null((await cleared.Content.ReadFromJsonAsync<LanguageResponse>(Ct))!.Language);
    }

    [Fact]
    public async Task A_language_vouch_does_not_speak_is_refused_naming_the_field_in_the_callers_language()
    {
        using var client = await app.ClientForAsync(Roles.Advocate);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/language") { Content = JsonContent.Create(new { language = "xx-YY" }) };
        request.Headers.AcceptLanguage.ParseAdd("de-DE");

        using var response = await client.SendAsync(request, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["language must be one of en, de, es, or null to follow the browser; 'xx-YY' is not."],
            problem.GetProperty("errors").GetProperty("language").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Mindestens eine Eingabe ist ungültig.", problem.GetProperty("title").GetString());
        Assert.Null((await client.GetFromJsonAsync<LanguageResponse>("/api/v1/me/language", Ct))!.Language);
    }

    [Theory]
    [InlineData("de", "de", "Benachrichtigungen", "API-Referenz")]
    [InlineData("de-AT,en;q=0.5", "de", "Benachrichtigungen", "API-Referenz")]
    [InlineData("fr-FR,es;q=0.8", "es", "Notificaciones", "Referencia de la API")]
    [InlineData("en-US,en;q=0.9", "en", "Notifications", "API reference")]
    [InlineData("xx-YY", "en", "Notifications", "API reference")]
    [InlineData("!!;q=nonsense,,", "en", "Notifications", "API reference")]
    [InlineData(null, "en", "Notifications", "API reference")]
    public async Task A_page_speaks_the_browsers_language_or_english(string? acceptLanguage, string lang, string heading, string footer)
    {
        using var client = await app.ClientForAsync(Roles.Seller);

        var page = await PageAsync(client, acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($">{footer}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_own_language_comes_before_the_browsers_and_one_no_longer_spoken_falls_back()
    {
        var spanish = await app.AddUserAsync(Roles.Seller);
        var gone = await app.AddUserAsync(Roles.Seller);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            await db.Users.Where(u => u.Id == spanish.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "es"), Ct);
            // A language whose file was removed since the user chose it.
            await db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "fr"), Ct);
        });
        using var spanishClient = app.ClientWithToken(await app.CreateTokenAsync(spanish.Id));
        using var goneClient = app.ClientWithToken(await app.CreateTokenAsync(gone.Id));

        var spanishPage = await PageAsync(spanishClient, "de");
        var gonePage = await PageAsync(goneClient, "de");

        Assert.Contains("<h1>Notificaciones</h1>", spanishPage, StringComparison.Ordinal);
        Assert.Contains(">Mi configuración</span>", spanishPage, StringComparison.Ordinal);
        Assert.Contains("<h1>Benachrichtigungen</h1>", gonePage, StringComparison.Ordinal);
    }
}
