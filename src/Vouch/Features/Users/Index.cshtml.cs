using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vouch.Features.Users;

public sealed class IndexModel(UserAdministration admin) : PageModel
{
    public IReadOnlyList<UserResponse> Users { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Notice { get; private set; }
    public string? Email { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Role { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task OnPostAddAsync(string? email, string? displayName, string? role, string? password, CancellationToken ct)
    {
        var (user, errors) = await admin.AddAsync(email, displayName, role, password);
        if (user is null)
        {
            (Errors, Email, DisplayName, Role) = (errors.ToDictionary(), email, displayName, role);
        }
        else
        {
            Notice = $"Added {user.Email} as {string.Join(", ", user.Roles)}.";
        }
        Users = await admin.ListAsync(ct);
    }

    public async Task OnPostDisableAsync(string email, CancellationToken ct)
    {
        var user = await admin.DisableAsync(email);
        Notice = user is null ? $"No user has the email {email}." : $"Disabled {user.Email}.";
        Users = await admin.ListAsync(ct);
    }
}
