import { ConfigProvider, DatePicker, type DatePickerProps, type ThemeConfig } from 'antd';
import { useIsPhone } from '../responsive';

/**
 * On a 390 px screen antd's date-time panel is ~400 px wide and starts off the left edge (Monday,
 * the month arrows and 此刻 unreachable); narrower cells bring it to ~335 px.
 */
const PHONE_PICKER: ThemeConfig = { components: { DatePicker: { cellWidth: 30, timeColumnWidth: 44 } } };

/** A Beijing-time date and minute picker (YYYY-MM-DD HH:mm) that fits a phone. */
export function DateTimePicker(props: Omit<DatePickerProps, 'showTime' | 'format'>) {
  const phone = useIsPhone();
  const picker = <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="选择日期和时间" {...props} />;
  return phone ? <ConfigProvider theme={PHONE_PICKER}>{picker}</ConfigProvider> : picker;
}
