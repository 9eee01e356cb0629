using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Vouch.Resources;

namespace Vouch.Web;

/// <summary>
/// The languages Vouch speaks and how each request picks one: the user's own choice (a claim of their sign-in), then
/// the browser's Accept-Language, then English. A value that is no language of Vouch's is passed over, never an error.
/// </summary>
public static class Languages
{
    /// <summary>The claim that carries a user's chosen language; none when they follow their browser.</summary>
    public const string ClaimType = "vouch:language";

    /// <summary>The longest language code a user may choose ("de", "pt-BR"…).</summary>
    public const int CodeMaxLength = 16;

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// English, then every language with a translation of <see cref="Strings"/>, by code. The build compiles each
    /// <c>Strings.{language}.resx</c> into a satellite assembly in a folder named for the language beside the app (a
    /// publish copies those folders too), so the languages are read from those folders once at start: adding a
    /// language is adding its file, with no list in code to keep in step with the files.
    /// </summary>
    public static IReadOnlyList<CultureInfo> Supported { get; } = Discover();

    /// <summary>The supported language with this code ("de", "DE"), or null for any other value.</summary>
    public static CultureInfo? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Supported.FirstOrDefault(c => string.Equals(c.Name, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Speaks the user's new language for the rest of the handler that saved it (its notice for the next page): the
    /// request began in the old one, and the new one is in the claims from the next request on. No code (the
    /// browser's from now on) leaves the request as it is.
    /// </summary>
    public static void ShowRestOfRequestIn(string? code)
    {
        if (Find(code) is { } culture)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>
    /// Writes something for one reader, an email, in their language: <paramref name="code"/> is the language they chose
    /// (<c>User.Language</c>), and English when they chose none or one Vouch no longer speaks, since an email queued has
    /// no browser to ask. The localizer and the formats of dates and numbers speak it while <paramref name="write"/>
    /// runs; the language of whatever called is restored after.
    /// </summary>
    public static T WriteIn<T>(string? code, Func<T> write)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Find(code) ?? English;
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public static IServiceCollection AddVouchLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Pages write the letters of every language as themselves ("März", "·"), not as character references; what
        // HTML itself needs (<, >, &, quotes) is still escaped.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English);
            // One culture per language, for the text and the formats of dates and numbers alike: "de-AT" in a
            // browser's header falls back to "de"; a language Vouch does not speak is skipped for the next one.
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context =>
                    Task.FromResult(context.User.FindFirstValue(ClaimType) is { } code ? new ProviderCultureResult(code) : null)),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    private static List<CultureInfo> Discover()
    {
        var satellite = typeof(Strings).Assembly.GetName().Name + ".resources.dll";
        var translated = Directory.EnumerateDirectories(AppContext.BaseDirectory)
            .Where(folder => File.Exists(Path.Combine(folder, satellite)))
            .Select(folder => CultureNamed(Path.GetFileName(folder)))
            .OfType<CultureInfo>()
            .Where(culture => !culture.Equals(English))
            .OrderBy(culture => culture.Name, StringComparer.Ordinal);
        return [English, .. translated];
    }

    /// <summary>The culture named by a folder, or null when the name is no culture's.</summary>
    private static CultureInfo? CultureNamed(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
