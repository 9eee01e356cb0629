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
        var added = await admin.AddAsync(email, displayName, role, password);
        if (added.Succeeded)
        {
            Notice = $"Added {added.Value.Email} as {string.Join(", ", added.Value.Roles)}.";
        }
        else
        {
            (Errors, Email, DisplayName, Role) = (added.Refusal.Errors ?? new Dictionary<string, string[]>(), email, displayName, role);
        }
        Users = await admin.ListAsync(ct);
    }

    public async Task OnPostDisableAsync(string email, CancellationToken ct)
    {
        var disabled = await admin.DisableAsync(email);
        Notice = disabled.Succeeded ? $"Disabled {disabled.Value.Email}." : $"No user has the email {email}.";
        Users = await admin.ListAsync(ct);
    }
}
