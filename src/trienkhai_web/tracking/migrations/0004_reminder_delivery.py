"""Reminder e-mails: delivery state, attempts and retry time; sent_at only once the e-mail went."""

import django.utils.timezone
from django.db import migrations, models


def existing_rows_were_sent(apps, schema_editor):
    # Rows written before this migration were logged as sent (their e-mail outcome is unknown).
    ReminderLog = apps.get_model("tracking", "ReminderLog")
    ReminderLog.objects.update(created_at=models.F("sent_at"), delivery="sent", attempts=1)


class Migration(migrations.Migration):

    dependencies = [
        ("tracking", "0003_schedule_days"),
    ]

    operations = [
        migrations.AddField(model_name="reminderlog", name="emails", field=models.JSONField(default=list)),
        migrations.AddField(model_name="reminderlog", name="link", field=models.CharField(blank=True, max_length=255)),
        migrations.AddField(model_name="reminderlog", name="created_at",
                            field=models.DateTimeField(default=django.utils.timezone.now), preserve_default=False),
        migrations.AddField(model_name="reminderlog", name="delivery", field=models.CharField(
            choices=[("pending", "E-mail waiting to be sent again"), ("sent", "E-mail sent"),
                     ("no_address", "No e-mail address; in-app notice only"),
                     ("failed", "E-mail failed; no more attempts")], default="pending", max_length=16)),
        migrations.AddField(model_name="reminderlog", name="attempts", field=models.PositiveSmallIntegerField(default=0)),
        migrations.AddField(model_name="reminderlog", name="next_attempt_at",
                            field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="reminderlog", name="last_error", field=models.TextField(blank=True)),
        migrations.AlterField(model_name="reminderlog", name="sent_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.RunPython(existing_rows_were_sent, migrations.RunPython.noop),
        migrations.AlterModelOptions(name="reminderlog", options={"ordering": ["-created_at", "-pk"]}),
        migrations.AddIndex(model_name="reminderlog",
                            index=models.Index(fields=["delivery", "next_attempt_at"], name="tracking_re_deliver_9db279_idx")),
    ]
