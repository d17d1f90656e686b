using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Monitoring.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertsAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mon_alert",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RuleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RoutedTo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_alert", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mon_alert_event",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_alert_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mon_indicator_year",
                schema: "monitoring",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Node = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IndicatorKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Schools = table.Column<int>(type: "integer", nullable: false),
                    WithValue = table.Column<int>(type: "integer", nullable: false),
                    WithTarget = table.Column<int>(type: "integer", nullable: false),
                    Met = table.Column<int>(type: "integer", nullable: false),
                    Sum = table.Column<double>(type: "double precision", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_indicator_year", x => new { x.Year, x.Node, x.IndicatorKey });
                });

            migrationBuilder.CreateTable(
                name: "mon_report_job",
                schema: "monitoring",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NodeKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NodeKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NodeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IndicatorKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PdfBytes = table.Column<long>(type: "bigint", nullable: false),
                    XlsxSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    XlsxBytes = table.Column<long>(type: "bigint", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mon_report_job", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_CountyCode_Status",
                schema: "monitoring",
                table: "mon_alert",
                columns: new[] { "CountyCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_RuleId_SubjectKey_ClearedAt",
                schema: "monitoring",
                table: "mon_alert",
                columns: new[] { "RuleId", "SubjectKey", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_alert_event_AlertId_At",
                schema: "monitoring",
                table: "mon_alert_event",
                columns: new[] { "AlertId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_indicator_year_Node_IndicatorKey",
                schema: "monitoring",
                table: "mon_indicator_year",
                columns: new[] { "Node", "IndicatorKey" });

            migrationBuilder.CreateIndex(
                name: "IX_mon_report_job_RequestedAt",
                schema: "monitoring",
                table: "mon_report_job",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_mon_report_job_Status_RequestedAt",
                schema: "monitoring",
                table: "mon_report_job",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mon_alert",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "mon_alert_event",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "mon_indicator_year",
                schema: "monitoring");

            migrationBuilder.DropTable(
                name: "mon_report_job",
                schema: "monitoring");
        }
    }
}
