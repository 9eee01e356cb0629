using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SalesforceSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SalesforceCursors",
                columns: table => new
                {
                    Object = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Through = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforceCursors", x => x.Object);
                });

            migrationBuilder.CreateTable(
                name: "SalesforcePushs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SalesforceId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    PushedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforcePushs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesforceSyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Current = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesPushed = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadsPushed = table.Column<int>(type: "INTEGER", nullable: false),
                    PushesFailed = table.Column<int>(type: "INTEGER", nullable: false),
                    ApiCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    ApiUsage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Rejections = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResumeAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforceSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesforceSyncs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PullOnSchedule = table.Column<bool>(type: "INTEGER", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesPushedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivityObject = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ReferralsPushedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    LeadSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforceSyncs", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SalesforceSyncs",
                columns: new[] { "Id", "ActivitiesPushedSince", "ActivityObject", "IntervalMinutes", "LeadSource", "PullOnSchedule", "ReferralsPushedSince", "RequestedAt", "RequestedById", "Version" },
                values: new object[] { 1, null, "Task", 60, "Customer Referral", true, null, null, null, new Guid("5a1e5f0c-0000-4000-8000-000000000001") });

            migrationBuilder.CreateIndex(
                name: "IX_SalesforcePushs_Kind_SourceId",
                table: "SalesforcePushs",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesforceSyncRuns_StartedAt",
                table: "SalesforceSyncRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SalesforceCursors");

            migrationBuilder.DropTable(
                name: "SalesforcePushs");

            migrationBuilder.DropTable(
                name: "SalesforceSyncRuns");

            migrationBuilder.DropTable(
                name: "SalesforceSyncs");
        }
    }
}
