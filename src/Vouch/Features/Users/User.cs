using Microsoft.AspNetCore.Identity;

namespace Vouch.Features.Users;

/// <summary>A person who signs in to Vouch: an employee, or an advocate with a portal login.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
