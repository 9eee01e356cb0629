using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Contacts;
using Vouch.Features.Users;

namespace Vouch.Features.Portal;

/// <summary>
/// A single-use link, sent by email, with which a customer contact sets the password of their portal login. Only a
/// hash of the link's token is kept: whoever reads the database cannot use an invitation.
/// </summary>
public sealed class AdvocateInvitation
{
    /// <summary>The token's SHA-256, in lower-case hex.</summary>
    public const int TokenHashLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The login the invitation opens; made, without a password, when the invitation is.</summary>
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public Guid? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the advocate used the link; a used link does nothing again.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
}

internal sealed class AdvocateInvitationConfiguration : IEntityTypeConfiguration<AdvocateInvitation>
{
    public void Configure(EntityTypeBuilder<AdvocateInvitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(AdvocateInvitation.TokenHashLength).IsFixedLength();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.ContactId, i.CreatedAt });
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.SetNull);
    }
}
