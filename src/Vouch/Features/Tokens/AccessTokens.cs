using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Tokens;

public sealed record AccessTokenResponse(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreatedAccessToken(AccessTokenResponse Token, string PlainText);

/// <summary>A user's own personal access tokens: one set of rules for the CLI, the API and the tokens page.</summary>
public sealed class AccessTokens(VouchDbContext db, TimeProvider clock)
{
    public const int MaxLifetimeDays = 366;

    public static readonly Refusal NotFound = Refusal.NotFound("The token");

    public async Task<CommandResult<CreatedAccessToken>> CreateAsync(Guid userId, string? name, int? expiresInDays, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        errors.Required("name", name, AccessToken.NameMaxLength);
        if (expiresInDays is < 1 or > MaxLifetimeDays)
        {
            errors.Add("expiresInDays", $"expiresInDays must be between 1 and {MaxLifetimeDays}.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var (token, plainText) = AccessToken.Create(userId, name!.Trim(), now, expiresInDays is { } days ? now.AddDays(days) : null);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(Describe(token), plainText);
    }

    public async Task<IReadOnlyList<AccessTokenResponse>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt)
            .Select(Describe)
            .ToList();

    /// <summary>Revokes one of the user's tokens; someone else's token is as good as unknown.</summary>
    public async Task<CommandResult<AccessTokenResponse>> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return NotFound;
        }
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Describe(token);
    }

    /// <summary>Revokes every token of a user who is gone, so none works again if they come back.</summary>
    public async Task RevokeAllAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var token in await db.AccessTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct))
        {
            token.RevokedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private static AccessTokenResponse Describe(AccessToken t) =>
        new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
