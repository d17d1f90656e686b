using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Monitoring.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeveralServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                schema: "monitoring",
                table: "mon_report_job",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimToken",
                schema: "monitoring",
                table: "mon_report_job",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                schema: "monitoring",
                table: "mon_report_job",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                schema: "monitoring",
                table: "mon_report_job",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "UX_mon_alert_live",
                schema: "monitoring",
                table: "mon_alert",
                columns: new[] { "RuleId", "SubjectKey" },
                unique: true,
                filter: "\"ClearedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_mon_alert_live",
                schema: "monitoring",
                table: "mon_alert");

            migrationBuilder.DropColumn(
                name: "Attempts",
                schema: "monitoring",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                schema: "monitoring",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                schema: "monitoring",
                table: "mon_report_job");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                schema: "monitoring",
                table: "mon_report_job");
        }
    }
}
