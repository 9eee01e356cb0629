using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
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
                    Object = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforceCursors", x => x.Object);
                });

            migrationBuilder.CreateTable(
                name: "SalesforcePushs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SalesforceId = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    PushedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforcePushs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesforceSyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Current = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Deleted = table.Column<int>(type: "integer", nullable: false),
                    ActivitiesPushed = table.Column<int>(type: "integer", nullable: false),
                    LeadsPushed = table.Column<int>(type: "integer", nullable: false),
                    PushesFailed = table.Column<int>(type: "integer", nullable: false),
                    ApiCalls = table.Column<int>(type: "integer", nullable: false),
                    ApiUsage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Rejections = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResumeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesforceSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesforceSyncs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    PullOnSchedule = table.Column<bool>(type: "boolean", nullable: false),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    ActivitiesPushedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivityObject = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ReferralsPushedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeadSource = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
