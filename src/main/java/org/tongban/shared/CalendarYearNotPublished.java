package org.tongban.shared;

/**
 * A working-day question reached a year whose 节假日安排 is not in the calendar. Answering with plain Monday-to-Friday
 * would silently shift statutory deadlines around 调休 days, so this is refused unless the deployment has chosen to
 * assume ordinary weeks.
 */
public final class CalendarYearNotPublished extends RuntimeException {

    private final int year;

    public CalendarYearNotPublished(int year) {
        super(year + " 年的节假日安排尚未发布，无法计算工作日。请管理员导入该年度日历，或配置按周一至周五计算。");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
