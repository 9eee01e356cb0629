using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Tokens;

/// <summary>
/// A personal access token for the API. Only its SHA-256 hash is stored: the token is 256 random
/// bits, so a fast hash is enough, and the plain text is shown once, when it is created.
/// </summary>
public sealed class AccessToken
{
    public const int NameMaxLength = 100;
    private const string Prefix = "vouch_";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Hint { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Makes a new token; returns the record to store and the plain text to show once.</summary>
    public static (AccessToken Token, string PlainText) Create(Guid userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var plainText = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken
        {
            UserId = userId,
            Name = name,
            Hint = plainText[..(Prefix.Length + 4)],
            Hash = HashOf(plainText),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, plainText);
    }

    public static byte[] HashOf(string plainText) => SHA256.HashData(Encoding.UTF8.GetBytes(plainText));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(AccessToken.NameMaxLength);
        builder.Property(t => t.Hint).HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
