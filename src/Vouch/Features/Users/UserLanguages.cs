using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Users;

/// <summary>A language to use, by code ("de"); null to follow the browser's.</summary>
public sealed record LanguageBody(string? Language);

/// <param name="Language">The user's own choice, or null when they follow their browser's Accept-Language.</param>
/// <param name="Available">Every language code Vouch speaks, English first.</param>
public sealed record LanguageResponse(string? Language, IReadOnlyList<string> Available);

/// <summary>
/// The language each user chose, for the settings page, the portal's preferences and the API alike. The choice
/// travels in the sign-in's claims (<see cref="Languages.ClaimType"/>), so a request reads no row to know it.
/// </summary>
public sealed class UserLanguages(VouchDbContext db, SignInManager<User> signIn)
{
    public static IReadOnlyList<string> Available { get; } = [.. Languages.Supported.Select(c => c.Name)];

    public async Task<LanguageResponse> ReadAsync(Guid userId, CancellationToken ct) =>
        new(await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(ct), Available);

    /// <summary>
    /// Saves the user's language, or clears it for an empty value; a code Vouch does not speak is refused, naming
    /// <c>language</c>. When the user is signed in with a cookie, it is issued again at once with the new choice.
    /// </summary>
    public async Task<CommandResult<LanguageResponse>> ChooseAsync(Guid userId, string? language, CancellationToken ct)
    {
        string? code = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (Languages.Find(language) is not { } culture)
            {
                return Refusal.Invalid("language",
                    $"language must be one of {string.Join(", ", Available)}, or null to follow the browser; '{language}' is not.");
            }
            code = culture.Name;
        }
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.Language = code;
        await db.SaveChangesAsync(ct);
        // A bearer token, and the user's sign-ins elsewhere, pick the new claim up when they next read the user's claims,
        // within a minute.
        if (signIn.Context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return new LanguageResponse(code, Available);
    }
}
